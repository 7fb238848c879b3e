import Foundation
import BaoxueContracts
import BaoxueMessaging
import GRDB

/// A case's row, as the rules and the workflow read it.
struct CaseRow: Sendable {
    var id: Int64
    var student: String
    var township: String
    var school: String
    var state: CaseState
    var origin: CaseOrigin
    var openedOn: CivilDate
    /// The day the case was last reopened, if it was: rule 6's clock starts again from it.
    var reopenedOn: CivilDate?
    var townshipOfficial: String?
    var schoolTeacher: String?
    var causes: [DropoutCause]
    var measures: [CaseMeasure]
    var outcome: CaseOutcome?
    var closedOn: CivilDate?
    var probationUntil: CivilDate?
    var reopened: Int
    var lastVisitOn: CivilDate?
    var nextVisitOn: CivilDate?
    /// The last home-delivered teaching session on the case: work, as a visit is, for rule 6.
    var lastTeachingOn: CivilDate?
    var visits: Int

    /// The case id while it is open or on probation.
    var activeID: Int64? { state == .closed ? nil : id }
    var isAssigned: Bool { townshipOfficial != nil && schoolTeacher != nil }

    /// The columns by position, read by index (a name look-up folds case for every column of
    /// every row: a tenth of the monitor's time per dropout at term-start load).
    static let select = """
        SELECT c.id, c.student, c.township, c.school, c.state, c.origin, c.opened_on, c.reopened_on,
            c.township_official, c.school_teacher, c.causes, c.measures, c.outcome, c.closed_on,
            c.probation_until, c.reopened,
            (SELECT MAX(date) FROM case_visit v WHERE v.case_id = c.id) AS last_visit,
            (SELECT MAX(date) FROM teaching_session t WHERE t.case_id = c.id) AS last_teaching,
            (SELECT next_visit FROM case_visit v WHERE v.case_id = c.id ORDER BY date DESC, id DESC LIMIT 1) AS next_visit,
            (SELECT COUNT(*) FROM case_visit v WHERE v.case_id = c.id) AS visits
        FROM dropout_case c
        """

    init(row: some PositionalColumns) {
        id = row[0]
        student = row[1]
        township = row[2]
        school = row[3]
        state = CaseState(rawValue: row[4]) ?? .open
        origin = CaseOrigin(rawValue: row[5]) ?? .manual
        openedOn = CivilDate(parsing: row[6] as String) ?? CivilDate(dayNumber: 0)
        reopenedOn = (row[7] as String?).flatMap(CivilDate.init(parsing:))
        townshipOfficial = row[8]
        schoolTeacher = row[9]
        causes = Self.decode(row[10])
        measures = Self.decode(row[11])
        outcome = (row[12] as String?).flatMap(CaseOutcome.init(rawValue:))
        closedOn = (row[13] as String?).flatMap(CivilDate.init(parsing:))
        probationUntil = (row[14] as String?).flatMap(CivilDate.init(parsing:))
        reopened = row[15]
        lastVisitOn = (row[16] as String?).flatMap(CivilDate.init(parsing:))
        lastTeachingOn = (row[17] as String?).flatMap(CivilDate.init(parsing:))
        nextVisitOn = (row[18] as String?).flatMap(CivilDate.init(parsing:))
        visits = row[19]
    }

    static func fetch(_ db: Database, student: String) throws -> CaseRow? {
        try db.cachedStatement(sql: "\(select) WHERE c.student = ?").fetchFirst(arguments: [student]) { CaseRow(row: $0) }
    }

    static func fetch(_ db: Database, id: Int64) throws -> CaseRow? {
        try db.cachedStatement(sql: "\(select) WHERE c.id = ?").fetchFirst(arguments: [id]) { CaseRow(row: $0) }
    }

    static func decode<Value: CaseVocabulary>(_ text: String?) -> [Value] {
        guard let text, case .array(let values)? = try? JSONReader.parse(Array(text.utf8)) else { return [] }
        return values.compactMap { value in
            guard case .string(let code) = value else { return nil }
            return Value(rawValue: code)
        }
    }

    static func encode<Value: CaseVocabulary>(_ values: [Value]) -> String {
        "[" + values.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
    }
}
