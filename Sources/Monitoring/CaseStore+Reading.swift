import BaoxueContracts
import GRDB

/// Cases as people read them: a summary per case (lists and events), and the whole file with
/// visits, legal steps, home teaching, history and the child's siblings (一家一案).
extension CaseStore {
    func summary(_ db: Database, _ row: CaseRow, today: CivilDate) throws -> CaseSummary {
        let child = try ChildFacts.fetch(db, number: row.student)
        // Against the yearly quota, so this school year's lessons only.
        let lessons = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COALESCE(SUM(lessons), 0) FROM teaching_session WHERE case_id = ? AND date >= ?"),
            arguments: [row.id, today.schoolYearStart.description]) ?? 0
        return CaseSummary(
            id: row.id, state: row.state, origin: row.origin, studentName: child?.name ?? "", student: Masking.studentNumber(row.student),
            township: row.township, school: row.school, schoolName: child?.schoolName, grade: child?.grade ?? 0,
            age: child.map { Masking.ageByYear($0.birthDate, on: today) } ?? 0, registeredPoor: child?.registeredPoor ?? false, openedOn: row.openedOn,
            townshipOfficial: row.townshipOfficial, schoolTeacher: row.schoolTeacher, causes: row.causes, measures: row.measures,
            visits: row.visits, lastVisitOn: row.lastVisitOn, nextVisitOn: row.nextVisitOn, lessons: lessons, outcome: row.outcome,
            closedOn: row.closedOn, probationUntil: row.probationUntil, reopened: row.reopened)
    }

    func list(_ db: Database, _ query: CaseQuery, today: CivilDate) throws -> [CaseSummary] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("c.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("c.school = ?"); arguments += [school] }
        if let state = query.state { conditions.append("c.state = ?"); arguments += [state.rawValue] } else { conditions.append("c.state != 'closed'") }
        arguments += [query.limit]
        let rows = try Row.fetchAll(db, sql: "\(CaseRow.select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.id DESC LIMIT ?", arguments: arguments)
        return try rows.map { try summary(db, CaseRow(row: $0), today: today) }
    }

    func file(_ db: Database, id: Int64, today: CivilDate) throws -> CaseFile? {
        guard let row = try CaseRow.fetch(db, id: id) else { return nil }
        let visits = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_visit WHERE case_id = ? ORDER BY date, id"), arguments: [id]).map { visit in
            CaseVisit(date: CivilDate(parsing: visit["date"] as String)!, visitors: (visit["visitors"] as String).split(separator: "、").map(String.init), outcome: visit["outcome"],
                      nextVisit: (visit["next_visit"] as String?).flatMap(CivilDate.init(parsing:)), campaign: visit["campaign"], recordedBy: visit["recorded_by"])
        }
        let steps = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_step WHERE case_id = ? ORDER BY date, id"), arguments: [id]).map { step in
            CaseStep(step: LegalStep(rawValue: step["step"]) ?? .classTeacher, date: CivilDate(parsing: step["date"] as String)!, note: step["note"], recordedBy: step["recorded_by"])
        }
        let teaching = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM teaching_session WHERE case_id = ? ORDER BY date, id"), arguments: [id]).map { session in
            TeachingSession(date: CivilDate(parsing: session["date"] as String)!, teacher: session["teacher"], lessons: session["lessons"], recordedBy: session["recorded_by"])
        }
        let history = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_history WHERE case_id = ? ORDER BY id"), arguments: [id]).map { entry in
            CaseHistoryEntry(at: entry["at"], actor: entry["actor"], kind: entry["kind"], detail: entry["detail"])
        }
        var siblings: [SiblingStatus] = []
        if let family = try String.fetchOne(db.cachedStatement(sql: "SELECT family FROM student WHERE number = ?"), arguments: [row.student]) {
            siblings = try Row.fetchAll(
                db, sql: "SELECT s.*, c.id AS case_id FROM student s LEFT JOIN dropout_case c ON c.student = s.number AND c.state != 'closed' WHERE s.family = ? AND s.number != ? ORDER BY s.birth_date",
                arguments: [family, row.student]
            ).map { sibling in
                SiblingStatus(name: sibling["name"], student: Masking.studentNumber(sibling["number"]), school: sibling["school"], grade: sibling["grade"],
                              status: StudentStatus(rawValue: sibling["status"]) ?? .enrolled, openCase: sibling["case_id"])
            }
        }
        return CaseFile(summary: try summary(db, row, today: today), visits: visits, steps: steps, teaching: teaching, siblings: siblings, history: history, teachingQuota: settings.teachingLessonsPerYear)
    }
}
