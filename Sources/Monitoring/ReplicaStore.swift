import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The monitor's replica of the registry (学籍): its schools and children, rebuilt from the
/// registry's events. Each event is applied in the subscriber's transaction, with its cursor: the
/// child's row is written, a reported dropout opens a case and a recorded return closes it, and
/// the child's rules run. This is the hot path of an alert (docs/performance.md): every statement
/// is a cached one.
struct ReplicaStore: Sendable {
    let settings: MonitorSettings

    var cases: CaseStore { CaseStore(settings: settings) }
    var rules: RuleEngine { RuleEngine(settings: settings) }

    /// An existing child's row: the columns no index covers always, then the ID number, the
    /// school and township, the status, the family and the missing documents' date, each only
    /// when it changed (``SparseUpdate``, decision 161). Naming every column, the upsert rewrote
    /// all six of the row's index entries for a status change that moves two.
    static let studentUpdate = SparseUpdate(
        table: "student",
        always: "name = ?, birth_date = ?, grade = ?, status_date = ?, expected_end = ?, registered_poor = ?, left_behind = ?, disability = ?, revision = ?, sex = ?, guardian_name = ?, guardian_phone = ?",
        groups: ["id_number = ?", "school = ?, township = ?", "status = ?", "family = ?", "documents_pending_since = ?"],
        key: "number = ?")

    /// Applies one registry event (inside the subscriber's transaction, with its cursor).
    func apply(_ db: Database, _ event: ReceivedEvent, today: CivilDate) throws {
        switch event.header.type {
        case RegistryMessage.Event.schoolUpserted:
            let school = try WireCoding.decode(SchoolRecord.self, from: event.body)
            try db.cachedStatement(sql: "INSERT INTO school (code, name, township) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, township = excluded.township").execute(arguments: [school.code, school.name, school.township])
        case RegistryMessage.Event.studentAdded, RegistryMessage.Event.studentUpdated:
            let student = try WireCoding.decode(Student.self, from: event.body)
            try upsert(db, student, change: nil, today: today)
            try rules.evaluate(db, number: student.record.studentNumber.value, today: today)
        case RegistryMessage.Event.statusChanged:
            let changed = try WireCoding.decode(StatusChangedEvent.self, from: event.body)
            try upsert(db, changed.student, change: changed.change, today: today)
            let number = changed.student.record.studentNumber.value
            switch changed.change.kind {
            case .dropOut:
                // The causes the school chose; a dropout recorded before they were a closed list
                // has only its text, read as it was then (decision 101).
                let causes = DropoutCause.recorded(changed.change)
                try cases.open(db, number: number, origin: .dropoutReported, causes: causes, actor: event.header.actor?.user ?? "registry", note: changed.change.reason, on: changed.change.date)
            case .return:
                try cases.confirmReturn(db, number: number, on: changed.change.date, actor: event.header.actor?.user ?? "registry", outcome: CaseOutcome.placement(in: changed.change.toSchoolType) ?? .returned)
            case .transferIn:
                // An enrolled child with an open case placed in a special-education or vocational
                // school: the placement is the case's outcome.
                if let placed = CaseOutcome.placement(in: changed.change.toSchoolType) {
                    try cases.confirmReturn(db, number: number, on: changed.change.date, actor: event.header.actor?.user ?? "registry", outcome: placed)
                }
            default:
                break
            }
            try rules.evaluate(db, number: number, today: today)
        default:
            break  // events this service does not follow
        }
    }

    /// Writes a student's replica row. A status change sets the status date (and a suspension's
    /// expected end); an import leaves them as they were while the status stays the same. What
    /// the write means for the cohorts is marked with it (``CohortMark``).
    func upsert(_ db: Database, _ student: Student, change: StatusChange?, today: CivilDate) throws {
        let record = student.record
        let number = record.studentNumber.value
        let previous = try db.cachedStatement(sql: "SELECT status, status_date, expected_end, revision, grade, documents_pending_since, id_number, school, township, family FROM student WHERE number = ?").fetchFirst(arguments: [number]) { row in
            (status: row[0] as String, statusDate: row[1] as String?, expectedEnd: row[2] as String?, revision: row[3] as Int, grade: row[4] as Int, pendingSince: row[5] as String?,
             idNumber: row[6] as String?, school: row[7] as String, township: row[8] as String, family: row[9] as String?)
        }
        // Events can be replayed: an older revision never overwrites a newer one.
        if let previous, previous.revision > student.revision { return }
        var statusDate = previous?.statusDate
        var expectedEnd = previous?.expectedEnd
        if let change {
            statusDate = change.date.description
            expectedEnd = change.kind == .suspend || change.kind == .extendSuspension ? change.expectedEnd?.description : (student.status == .suspended ? expectedEnd : nil)
        } else if previous?.status != student.status.rawValue {
            statusDate = nil
            expectedEnd = nil
        }
        // Since when documents have been missing: the date of the change that left them missing
        // (or the day the flag was first seen), kept while any change of the child lacks some.
        let pendingSince: String? = student.documentsIncomplete ? (previous?.pendingSince ?? (change?.date ?? today).description) : nil
        let family: String? = record.guardianPhone.flatMap { $0.isEmpty ? nil : "phone:\($0)" }
            ?? record.guardianName.flatMap { name in record.householdRegion.map { "guardian:\(name)@\($0)" } }
        let idNumber = record.idNumber?.value
        let guardianName = record.guardianName.flatMap { $0.isEmpty ? nil : $0 }
        let guardianPhone = record.guardianPhone.flatMap { $0.isEmpty ? nil : $0 }
        if let previous {
            try Self.studentUpdate.execute(
                db,
                always: [
                    record.name, record.birthDate.description, record.grade, statusDate, expectedEnd, record.registeredPoor, record.leftBehind.rawValue,
                    record.disability.rawValue, student.revision, record.sex.rawValue, guardianName, guardianPhone,
                ],
                groups: [
                    (previous.idNumber != idNumber, [idNumber]),
                    (previous.school != record.schoolCode || previous.township != student.township, [record.schoolCode, student.township]),
                    (previous.status != student.status.rawValue, [student.status.rawValue]),
                    (previous.family != family, [family]),
                    (previous.pendingSince != pendingSince, [pendingSince]),
                ], key: [number])
        } else {
            try db.cachedStatement(sql: """
                    INSERT INTO student (number, id_number, name, birth_date, school, township, grade, status, status_date, expected_end, registered_poor, left_behind, disability, family, revision, sex, guardian_name, guardian_phone, documents_pending_since)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [
                    number, idNumber, record.name, record.birthDate.description, record.schoolCode, student.township, record.grade,
                    student.status.rawValue, statusDate, expectedEnd, record.registeredPoor, record.leftBehind.rawValue, record.disability.rawValue, family, student.revision,
                    record.sex.rawValue, guardianName, guardianPhone, pendingSince,
                ])
        }
        try cases.follow(db, student: number, township: student.township, school: record.schoolCode)
        try CohortMark.note(db, student, before: previous.map { (grade: $0.grade, status: $0.status) }, change: change, today: today)
    }
}
