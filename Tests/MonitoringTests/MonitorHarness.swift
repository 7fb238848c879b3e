import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import BaoxueTestSupport
import Foundation
import GRDB
import Synchronization

@testable import Monitoring

/// The monitor's store over a real SQLite file, fed synthetic registry events, with a clock the
/// test moves: rules are tested day by day without sleeping.
final class MonitorHarness: Sendable {
    let directory = TemporaryDirectory("baoxue-monitor")
    let database: DatabasePool
    let store: MonitorStore
    private let clock: TestClock
    private let seq = Mutex<Int64>(0)
    static let county = Actor(user: "op", role: "county-operator", via: "test")

    init(today: CivilDate = CivilDate(parsing: "2026-11-02")!, configure: (inout MonitorSettings) -> Void = { _ in }) throws {
        let clock = TestClock(today)
        self.clock = clock
        var settings = MonitorSettings()
        settings.today = { clock.now }
        configure(&settings)
        store = MonitorStore(settings: settings)
        database = try ServiceDatabase.open(path: directory.file("monitor.sqlite"), migrator: MonitorSchema.migrator)
        try send(RegistryMessage.Event.schoolUpserted, SchoolRecord(code: RosterFixtures.school, name: "城关镇中心小学", type: .primary, township: RosterFixtures.township))
        try send(RegistryMessage.Event.schoolUpserted, SchoolRecord(code: RosterFixtures.otherSchool, name: "金河乡中心小学", type: .primary, township: RosterFixtures.otherTownship))
    }

    deinit { directory.remove() }

    var today: CivilDate {
        get { clock.now }
        set { clock.set(newValue) }
    }

    func advance(days: Int) { today = today.adding(days: days) }

    /// One registry event, applied as the subscriber applies it.
    func send(_ type: String, _ body: some Encodable) throws {
        let next = seq.withLock { $0 += 1; return $0 }
        let event = ReceivedEvent(seq: next, topic: type, header: MessageHeader(type: type, actor: Self.county, publisher: "registry", seq: next), body: try WireCoding.encode(body))
        try database.write { db in try store.replica.apply(db, event, today: today) }
    }

    /// Fixture child `sequence`, at the fixture school unless told otherwise.
    func student(_ sequence: Int, status: StudentStatus = .enrolled, school: String = RosterFixtures.school, revision: Int = 1, guardianPhone: String? = nil) throws -> Student {
        let headers = RosterFixtures.studentsHeader.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let values = RosterFixtures.studentRow(sequence, school: school).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var fields: [StudentField: String] = [:]
        for (header, value) in zip(headers, values) {
            if let field = StudentField(header: header) { fields[field] = value }
        }
        if let guardianPhone { fields[.guardianPhone] = guardianPhone }
        let record = try StudentRecord.parse(fields).get()
        let township = school == RosterFixtures.school ? RosterFixtures.township : RosterFixtures.otherTownship
        return Student(record: record, status: status, township: township, schoolName: nil, documentsIncomplete: false, updatedAt: Timestamp.now(), revision: revision)
    }

    func add(_ sequence: Int, school: String = RosterFixtures.school, guardianPhone: String? = nil) throws {
        try send(RegistryMessage.Event.studentAdded, try student(sequence, school: school, guardianPhone: guardianPhone))
    }

    /// A status change on `date` (default today), as the registry publishes it.
    func change(_ sequence: Int, _ kind: StatusChangeKind, to status: StudentStatus, from: StudentStatus = .enrolled, date: CivilDate? = nil, reason: String? = nil, expectedEnd: CivilDate? = nil, revision: Int = 2, toSchoolType: SchoolType? = nil) throws {
        let student = try student(sequence, status: status, revision: revision)
        var change = StatusChange(id: Int64(revision), studentNumber: student.record.studentNumber.value, kind: kind, from: from, to: status, date: date ?? today, documents: [], missingDocuments: [], reason: reason, fromSchool: nil, toSchool: nil, expectedEnd: expectedEnd, recordedAt: Timestamp.now(), recordedBy: "op")
        change.toSchoolType = toSchoolType
        try send(RegistryMessage.Event.statusChanged, StatusChangedEvent(change: change, student: student))
    }

    func absent(_ sequence: Int, on date: CivilDate, reason: String? = nil, actor: Actor = MonitorHarness.county) throws {
        try database.write { db in try store.absences.report(db, AbsenceReport(student: RosterFixtures.idNumber(sequence: sequence), date: date, reason: reason), school: nil, actor: actor, today: today) }
    }

    @discardableResult
    func sweep() throws -> SweepReport {
        try database.write { db in try store.rules.sweep(db, today: today) }
    }

    /// Open (unresolved) alert rules of a child.
    func openRules(_ sequence: Int) throws -> [AlertRule] {
        let number = "G" + RosterFixtures.idNumber(sequence: sequence)
        return try database.read { db in
            try String.fetchAll(db, sql: "SELECT rule FROM alert WHERE student = ? AND state != 'resolved' ORDER BY rule", arguments: [number]).compactMap(AlertRule.init(rawValue:))
        }
    }

    func alertCount(_ sequence: Int) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE student = ?", arguments: ["G" + RosterFixtures.idNumber(sequence: sequence)]) ?? 0 }
    }

    func caseRow(_ sequence: Int) throws -> CaseRow? {
        try database.read { db in try CaseRow.fetch(db, student: "G" + RosterFixtures.idNumber(sequence: sequence)) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database, MonitorStore, CivilDate) throws -> T) throws -> T {
        let store = self.store, today = self.today
        return try database.write { db in try body(db, store, today) }
    }

    /// Events the monitor published, in order: (type, topic).
    func published() throws -> [(String, String)] {
        try database.read { db in try Row.fetchAll(db, sql: "SELECT topic FROM outbox ORDER BY seq").map { row in (String((row["topic"] as String).split(separator: ".").prefix(2).joined(separator: ".")), row["topic"]) } }
    }
}

/// The county's date as a test sets it.
final class TestClock: Sendable {
    private let date: Mutex<CivilDate>
    init(_ date: CivilDate) { self.date = Mutex(date) }
    var now: CivilDate { date.withLock { $0 } }
    func set(_ value: CivilDate) { date.withLock { $0 = value } }
}
