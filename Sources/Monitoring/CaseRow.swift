import Foundation
import BaoxueContracts
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

    static let select = """
        SELECT c.*, (SELECT MAX(date) FROM case_visit v WHERE v.case_id = c.id) AS last_visit,
            (SELECT MAX(date) FROM teaching_session t WHERE t.case_id = c.id) AS last_teaching,
            (SELECT next_visit FROM case_visit v WHERE v.case_id = c.id ORDER BY date DESC, id DESC LIMIT 1) AS next_visit,
            (SELECT COUNT(*) FROM case_visit v WHERE v.case_id = c.id) AS visits
        FROM dropout_case c
        """

    init(row: Row) {
        id = row["id"]
        student = row["student"]
        township = row["township"]
        school = row["school"]
        state = CaseState(rawValue: row["state"]) ?? .open
        origin = CaseOrigin(rawValue: row["origin"]) ?? .manual
        openedOn = CivilDate(parsing: row["opened_on"] as String) ?? CivilDate(dayNumber: 0)
        reopenedOn = (row["reopened_on"] as String?).flatMap(CivilDate.init(parsing:))
        townshipOfficial = row["township_official"]
        schoolTeacher = row["school_teacher"]
        causes = Self.decode(row["causes"])
        measures = Self.decode(row["measures"])
        outcome = (row["outcome"] as String?).flatMap(CaseOutcome.init(rawValue:))
        closedOn = (row["closed_on"] as String?).flatMap(CivilDate.init(parsing:))
        probationUntil = (row["probation_until"] as String?).flatMap(CivilDate.init(parsing:))
        reopened = row["reopened"]
        lastVisitOn = (row["last_visit"] as String?).flatMap(CivilDate.init(parsing:))
        nextVisitOn = (row["next_visit"] as String?).flatMap(CivilDate.init(parsing:))
        lastTeachingOn = (row["last_teaching"] as String?).flatMap(CivilDate.init(parsing:))
        visits = row["visits"]
    }

    static func fetch(_ db: Database, student: String) throws -> CaseRow? {
        try Row.fetchOne(db.cachedStatement(sql: "\(select) WHERE c.student = ?"), arguments: [student]).map(CaseRow.init)
    }

    static func fetch(_ db: Database, id: Int64) throws -> CaseRow? {
        try Row.fetchOne(db.cachedStatement(sql: "\(select) WHERE c.id = ?"), arguments: [id]).map(CaseRow.init)
    }

    static func decode<Value: CaseVocabulary>(_ text: String?) -> [Value] {
        guard let text, let data = text.data(using: .utf8), let values = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return values.compactMap(Value.init(rawValue:))
    }

    static func encode<Value: CaseVocabulary>(_ values: [Value]) -> String {
        "[" + values.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
    }
}
