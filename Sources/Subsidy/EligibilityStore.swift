import BaoxueContracts
import GRDB

/// Who is eligible for which program in a term, explained per child: the lists (since when),
/// the program, the stage and grade, the boarding status.
struct EligibilityStore: Sendable {
    let settings: SubsidySettings

    var rosters: RosterStore { RosterStore() }

    /// A page of eligible children (one line per child and program), in replica order, with the
    /// counts of the whole query. The caller has narrowed the query to the actor's scope.
    func page(_ db: Database, _ query: EligibilityQuery) throws -> EligibilityPage {
        let programs = try query.program.map { [try settings.program($0)] } ?? settings.programs
        let filters = programs.map { EligibilityFilter(program: $0, term: query.term, township: query.township, school: query.school) }
        let byProgram = try filters.map { filter in
            let children = try filter.count(db)
            return ProgramCount(program: filter.program.id, children: children, amountFen: Int64(children) * filter.program.amountPerTerm)
        }
        let limit = min(max(query.limit, 1), 1_000)
        let after = query.cursor.flatMap { Int64($0) } ?? 0
        // The next `limit` lines: merge the programs' children in replica order.
        var lines: [(id: Int64, child: ChildFacts, program: SubsidyProgram)] = []
        for filter in filters {
            for child in try filter.children(db, after: after, limit: limit + 1) {
                lines.append((child.id, child, filter.program))
            }
        }
        lines.sort { ($0.id, programs.firstIndex(of: $0.program)!) < ($1.id, programs.firstIndex(of: $1.program)!) }
        // A page ends at a child boundary, so a cursor (a child's id) never splits a child's lines.
        var page = Array(lines.prefix(limit))
        var nextCursor: String?
        if lines.count > limit, let last = page.last {
            if lines[limit].id == last.id { page.removeAll { $0.id == last.id } }
            nextCursor = page.last.map { String($0.id) }
        }
        var children: [EligibleChild] = []
        for line in page {
            let child = line.child
            let basis = try rosters.basis(db, idNumber: child.idNumber ?? "").filter { EligibilityRule.counts($0, in: query.term) && line.program.categories.contains($0.category) }
            children.append(EligibleChild(
                student: child.maskedNumber, name: child.name, township: child.township, school: child.school, schoolName: child.schoolName,
                grade: child.grade, stage: line.program.stage, attendance: child.attendance, status: child.status, program: line.program.id,
                programName: line.program.name, programNameEnglish: line.program.nameEnglish, amountPerTerm: line.program.amountPerTerm, basis: basis))
        }
        return EligibilityPage(term: query.term, total: byProgram.reduce(0) { $0 + $1.children }, byProgram: byProgram, children: children, nextCursor: nextCursor)
    }

    /// The programs one child is eligible for in `term`, by the rule itself.
    func programs(_ db: Database, child: ChildFacts, term: Term) throws -> [SubsidyProgram] {
        guard let idNumber = child.idNumber else { return [] }
        let basis = try rosters.basis(db, idNumber: idNumber)
        return EligibilityRule.eligible(grade: child.grade, attendance: child.attendance, status: child.status, statusDate: child.statusDate, basis: basis, term: term, programs: settings.programs).map(\.program)
    }
}
