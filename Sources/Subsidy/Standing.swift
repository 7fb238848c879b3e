import BaoxueContracts
import GRDB

/// Where a child stood on a date: their status, the school holding them, and since when. A batch
/// asks this for its date: a child who dropped out before it is excluded, and a child who moved
/// within the county is paid by the school that held them on it.
struct Standing: Sendable, Equatable {
    var status: StudentStatus
    var school: String
    /// The date of the change that put them there; nil when none is recorded.
    var since: CivilDate?

    /// What the replica's history adds to a child's row: the date of their latest recorded
    /// status change (`SELECT MAX(date) FROM status_change`), for ``of(_:lastChange:on:in:)``.
    static let lastChangeColumn = "(SELECT MAX(x.date) FROM status_change x WHERE x.student = s.number) AS last_change"

    /// The child's standing on `date`: as the replica's row says, unless a change dated after
    /// `date` was recorded (`lastChange`), in which case as the first such change found them.
    static func of(_ child: ChildFacts, lastChange: CivilDate?, on date: CivilDate, in db: Database) throws -> Standing {
        let current = Standing(status: child.status, school: child.school, since: child.statusDate)
        guard let lastChange, lastChange > date else { return current }
        guard let later = try Row.fetchOne(db.cachedStatement(sql: "SELECT from_status, from_school FROM status_change WHERE student = ? AND date > ? ORDER BY date, id LIMIT 1"), arguments: [child.number, date.description]) else {
            return current
        }
        let before = try String.fetchOne(db.cachedStatement(sql: "SELECT MAX(date) FROM status_change WHERE student = ? AND date <= ?"), arguments: [child.number, date.description])
        return Standing(
            status: (later["from_status"] as String?).flatMap(StudentStatus.init(rawValue:)) ?? .enrolled, school: later["from_school"],
            since: before.flatMap(CivilDate.init(parsing:)))
    }
}
