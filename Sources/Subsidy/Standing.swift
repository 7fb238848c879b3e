import BaoxueContracts
import GRDB

/// Where each child of a batch stood on the batch's date, worked out in SQL for a whole slice at
/// once: their status, the school holding them and its township, since when, and whether they
/// already have a payment for the program and term. A child who dropped out before the date is
/// excluded, and a child who moved within the county afterwards is paid by the school that held
/// them on it.
///
/// The replica's row says where a child stands now. When a status change dated after the batch
/// date was recorded, the first such change says where they stood before it (`from_status`,
/// `from_school`), and the latest change on or before the date says since when. One statement
/// answers this for thousands of children: a batch's cost is the rows it writes, not a round trip
/// per child (docs/performance.md, "Student aid").
struct Standing: Sendable, Equatable {
    var id: Int64
    var number: String
    var name: String
    var grade: Int
    var status: StudentStatus
    var school: String
    var township: String
    /// The date of the change that put them there; nil when none is recorded.
    var since: CivilDate?
    /// Whether the child already has a payment (any attempt, any state) for the program and term,
    /// and whose.
    var paid: Paid

    /// Who paid a child already. A batch passes over the children it paid itself (a slice it
    /// committed before a restart) without counting them again.
    enum Paid: Int {
        case no = -1
        case byThisBatch = 0
        case byAnother = 1
    }

    /// The columns of ``sql(slice:)``, in the order a temporary table copies them.
    static let columns = "id, number, name, grade, status, school, township, since, paid"

    /// A `SELECT` of ``columns`` for the children whose replica ids `slice` selects (a query with
    /// one column, `id`), in student-number order. Its arguments are the slice's, then
    /// ``arguments(date:program:term:batch:)``. `paid` is ``Paid``'s raw value.
    static func sql(slice: String) -> String {
        """
        WITH slice AS (\(slice)),
        child AS (
            SELECT s.id, s.number, s.name, s.grade, s.status, s.school, s.township, s.status_date,
                   (SELECT x.id FROM status_change x WHERE x.student = s.number AND x.date > ? ORDER BY x.date, x.id LIMIT 1) AS later
            FROM slice JOIN student s ON s.id = slice.id
        )
        SELECT c.id, c.number, c.name, c.grade,
               CASE WHEN l.id IS NULL THEN c.status ELSE COALESCE(l.from_status, 'enrolled') END AS status,
               CASE WHEN l.id IS NULL THEN c.school ELSE l.from_school END AS school,
               CASE WHEN l.id IS NULL OR l.from_school = c.school THEN c.township
                    ELSE COALESCE((SELECT k.township FROM school k WHERE k.code = l.from_school), c.township) END AS township,
               CASE WHEN l.id IS NULL THEN c.status_date
                    ELSE (SELECT MAX(x.date) FROM status_change x WHERE x.student = c.number AND x.date <= ?) END AS since,
               COALESCE((SELECT MAX(p.batch_id != ?) FROM payment p WHERE p.student = c.number AND p.program = ? AND p.term = ?), -1) AS paid
        FROM child c LEFT JOIN status_change l ON l.id = c.later
        ORDER BY c.number
        """
    }

    /// The arguments ``sql(slice:)`` adds after the slice's own.
    /// `batch` is the batch asking (0 for a dry run, which has none).
    static func arguments(date: CivilDate, program: String, term: Term, batch: Int64) -> StatementArguments {
        [date.description, date.description, batch, program, term.code]
    }

    init(row: Row) {
        id = row["id"]
        number = row["number"]
        name = row["name"]
        grade = row["grade"]
        status = StudentStatus(rawValue: row["status"]) ?? .enrolled
        school = row["school"]
        township = row["township"]
        since = (row["since"] as String?).flatMap(CivilDate.init(parsing:))
        paid = Paid(rawValue: row["paid"]) ?? .byAnother
    }

    /// Whether the batch's scope (a school, a township, or the county) held the child on its date.
    func within(township scopeTownship: String?, school scopeSchool: String?) -> Bool {
        (scopeSchool.map { $0 == school } ?? true) && (scopeTownship.map { $0 == township } ?? true)
    }
}
