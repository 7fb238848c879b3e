import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The care service's replica of the registry (学籍): schools and children, rebuilt from the
/// registry's events. A child whose facts change (a status, the household type, a flag) is held
/// against the ledger's definition again: leaving the county takes them off the ledger on the
/// day of the change.
struct CareReplica: Sendable {
    let settings: CareSettings

    var ledger: LedgerStore { LedgerStore(settings: settings) }

    /// Applies one registry event (inside the subscriber's transaction, with its cursor).
    func apply(_ db: Database, _ event: ReceivedEvent, today: CivilDate) throws {
        switch event.header.type {
        case RegistryMessage.Event.schoolUpserted:
            let school = try WireCoding.decode(SchoolRecord.self, from: event.body)
            try db.cachedStatement(sql: "INSERT INTO school (code, name, township) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, township = excluded.township")
                .execute(arguments: [school.code, school.name, school.township])
        case RegistryMessage.Event.studentAdded, RegistryMessage.Event.studentUpdated:
            let student = try WireCoding.decode(Student.self, from: event.body)
            if try upsert(db, student) {
                try ledger.reevaluate(db, number: student.record.studentNumber.value, today: today, on: today, actor: event.header.actor?.user ?? "registry")
            }
        case RegistryMessage.Event.statusChanged:
            let changed = try WireCoding.decode(StatusChangedEvent.self, from: event.body)
            if try upsert(db, changed.student) {
                try ledger.reevaluate(db, number: changed.student.record.studentNumber.value, today: today, on: min(changed.change.date, today), actor: event.header.actor?.user ?? "registry")
            }
        default:
            break  // events this service does not follow
        }
    }

    /// Writes a child's replica row; false when the event is older than what the row holds (a
    /// replay), which changes nothing.
    @discardableResult
    func upsert(_ db: Database, _ student: Student) throws -> Bool {
        let record = student.record
        let number = record.studentNumber.value
        if let revision = try Int.fetchOne(db.cachedStatement(sql: "SELECT revision FROM child WHERE number = ?"), arguments: [number]), revision > student.revision {
            return false
        }
        try db.cachedStatement(sql: """
                INSERT INTO child (number, id_number, masked, name, sex, birth_date, school, township, grade, status, household_type, orphan, unattended, left_behind, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(number) DO UPDATE SET id_number = excluded.id_number, masked = excluded.masked, name = excluded.name, sex = excluded.sex,
                    birth_date = excluded.birth_date, school = excluded.school, township = excluded.township, grade = excluded.grade, status = excluded.status,
                    household_type = excluded.household_type, orphan = excluded.orphan, unattended = excluded.unattended, left_behind = excluded.left_behind,
                    revision = excluded.revision
                """).execute(arguments: [
                number, record.idNumber?.value, record.studentNumber.masked, record.name, record.sex.rawValue, record.birthDate.description, record.schoolCode,
                student.township, record.grade, student.status.rawValue, record.householdType?.rawValue, record.orphan, record.unattended,
                record.leftBehind.rawValue, student.revision,
            ])
        return true
    }
}
