import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The subsidy service's replica of the registry (学籍): schools, children (stage, grade, school,
/// township, boarding, status and its date) and every status change with the schools before and
/// after it, rebuilt from the registry's events. Applied in the subscriber's transaction with its
/// cursor; an event applied twice, or an older revision after a newer one, changes nothing.
struct ReplicaStore: Sendable {
    func apply(_ db: Database, _ event: ReceivedEvent) throws {
        switch event.header.type {
        case RegistryMessage.Event.schoolUpserted:
            let school = try WireCoding.decode(SchoolRecord.self, from: event.body)
            try db.cachedStatement(sql: """
                INSERT INTO school (code, name, type, township) VALUES (?, ?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name = excluded.name, type = excluded.type, township = excluded.township
                """).execute(arguments: [school.code, school.name, school.type.rawValue, school.township])
        case RegistryMessage.Event.studentAdded, RegistryMessage.Event.studentUpdated:
            try upsert(db, try WireCoding.decode(Student.self, from: event.body), change: nil)
        case RegistryMessage.Event.statusChanged:
            let changed = try WireCoding.decode(StatusChangedEvent.self, from: event.body)
            try upsert(db, changed.student, change: changed.change)
        default:
            break  // events this service does not follow
        }
    }

    /// Writes a child's row; a status change also records the change with its date and schools.
    func upsert(_ db: Database, _ student: Student, change: StatusChange?) throws {
        let record = student.record
        let number = record.studentNumber.value
        let previous = try Row.fetchOne(db.cachedStatement(sql: "SELECT school, status, status_date, revision FROM student WHERE number = ?"), arguments: [number])
        if let change {
            // The history is kept whatever the order of events: a change is recorded once, by id.
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO status_change (id, student, kind, from_status, to_status, from_school, to_school, date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    change.id, number, change.kind.rawValue, change.from?.rawValue, change.to.rawValue,
                    change.fromSchool ?? (previous?["school"] as String?) ?? record.schoolCode, record.schoolCode, change.date.description,
                ])
        }
        // Events can be replayed: an older revision never overwrites a newer one.
        if let previous, (previous["revision"] as Int) > student.revision { return }
        var statusDate = previous?["status_date"] as String?
        if let change {
            statusDate = change.date.description
        } else if (previous?["status"] as String?) != student.status.rawValue {
            statusDate = nil
        }
        try db.cachedStatement(sql: """
            INSERT INTO student (number, id_number, name, birth_date, school, township, grade, boarding, status, status_date, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(number) DO UPDATE SET id_number = excluded.id_number, name = excluded.name, birth_date = excluded.birth_date,
                school = excluded.school, township = excluded.township, grade = excluded.grade, boarding = excluded.boarding,
                status = excluded.status, status_date = excluded.status_date, revision = excluded.revision
            """).execute(arguments: [
                number, record.idNumber?.value, record.name, record.birthDate.description, record.schoolCode, student.township, record.grade,
                record.attendance == .boarding, student.status.rawValue, statusDate, student.revision,
            ])
    }
}
