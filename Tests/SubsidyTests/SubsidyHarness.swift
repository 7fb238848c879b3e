import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import BaoxueTestSupport
import Foundation
import GRDB
import Synchronization

@testable import Subsidy

/// The subsidy service's store over a real SQLite file, fed synthetic registry events and
/// rosters, with a clock the test moves.
final class SubsidyHarness: Sendable {
    let directory = TemporaryDirectory("baoxue-subsidy")
    let database: DatabasePool
    let store: SubsidyStore
    let clock: TestClock
    private let seq = Mutex<Int64>(0)
    private let changes = Mutex<Int64>(0)
    private let requests = Mutex<Int>(0)
    static let county = Actor(user: "op", role: "county-operator", via: "test")

    static let kindergarten = "2510123101"
    static let highSchool = "2510123201"

    init(today: CivilDate = CivilDate(parsing: "2026-10-15")!, configure: (inout SubsidySettings) -> Void = { _ in }) throws {
        let clock = TestClock(today)
        self.clock = clock
        var settings = SubsidySettings()
        settings.today = { clock.now }
        settings.batchSize = 100
        configure(&settings)
        store = SubsidyStore(settings: settings)
        database = try ServiceDatabase.open(path: directory.file("subsidy.sqlite"), migrator: SubsidySchema.migrator)
        for school in [
            SchoolRecord(code: RosterFixtures.school, name: "城关镇中心小学", type: .nineYear, township: RosterFixtures.township),
            SchoolRecord(code: RosterFixtures.otherSchool, name: "金河乡中心小学", type: .nineYear, township: RosterFixtures.otherTownship),
            SchoolRecord(code: Self.kindergarten, name: "城关镇中心幼儿园", type: .kindergarten, township: RosterFixtures.township),
            SchoolRecord(code: Self.highSchool, name: "青禾县第一高级中学", type: .senior, township: RosterFixtures.township),
        ] {
            try send(RegistryMessage.Event.schoolUpserted, school)
        }
    }

    deinit { directory.remove() }

    var today: CivilDate { clock.now }

    /// One registry event, applied as the subscriber applies it.
    func send(_ type: String, _ body: some Encodable) throws {
        let next = seq.withLock { $0 += 1; return $0 }
        let event = ReceivedEvent(seq: next, topic: type, header: MessageHeader(type: type, actor: Self.county, publisher: "registry", seq: next), body: try WireCoding.encode(body))
        try database.write { db in try store.replica.apply(db, event) }
    }

    static func township(of school: String) -> String {
        school == RosterFixtures.otherSchool ? RosterFixtures.otherTownship : RosterFixtures.township
    }

    /// A child with ID number sequence `sequence`, in `grade` at `school`, registered now.
    @discardableResult
    func enrol(_ sequence: Int, grade: Int = 5, boarding: Bool = false, school: String? = nil) throws -> Student {
        let school = school ?? (grade <= 0 ? Self.kindergarten : grade >= 10 ? Self.highSchool : RosterFixtures.school)
        let id = try IDNumber(validating: RosterFixtures.idNumber(birth: "20150301", sequence: sequence))
        let record = StudentRecord(
            name: "学生\(sequence)", sex: id.sex, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id),
            schoolCode: school, grade: grade, attendance: boarding ? .boarding : .day)
        let student = Student(record: record, status: .enrolled, township: Self.township(of: school), schoolName: nil, documentsIncomplete: false, updatedAt: Timestamp.now(), revision: 1)
        try send(RegistryMessage.Event.studentAdded, student)
        return student
    }

    /// A status change of `student` on `date` (a transfer in moves them to `toSchool`).
    @discardableResult
    func change(_ student: Student, _ kind: StatusChangeKind, to status: StudentStatus, on date: CivilDate, toSchool: String? = nil) throws -> Student {
        let id = changes.withLock { $0 += 1; return $0 }
        var after = student
        after.status = status
        after.revision += 1
        if let toSchool {
            after.record.schoolCode = toSchool
            after.township = Self.township(of: toSchool)
        }
        let change = StatusChange(
            id: id, studentNumber: student.record.studentNumber.value, kind: kind, from: student.status, to: status, date: date, documents: [],
            missingDocuments: [], reason: nil, fromSchool: student.record.schoolCode, toSchool: toSchool, expectedEnd: nil, recordedAt: Timestamp.now(), recordedBy: "test")
        try send(RegistryMessage.Event.statusChanged, StatusChangedEvent(change: change, student: after))
        return after
    }

    static func idNumber(_ sequence: Int) -> String { RosterFixtures.idNumber(birth: "20150301", sequence: sequence) }

    /// Imports `source`'s roster of `rows` (ID sequence, category) dated `listedOn`.
    @discardableResult
    func roster(_ source: RosterSource, _ rows: [(Int, FamilyCategory)], on listedOn: CivilDate? = nil, complete: Bool = true, township: String = RosterFixtures.township) throws -> FamilyRosterImport {
        try database.write { db in
            let started = try store.rosters.begin(db, FamilyRosterStart(source: source, listedOn: listedOn ?? today), actor: Self.county, today: today)
            let numbered = try rows.enumerated().map { index, row in
                NumberedRow(row: index + 2, record: FamilyRosterRow(idNumber: try IDNumber(validating: Self.idNumber(row.0)), name: "名单\(row.0)", category: row.1, township: township))
            }
            _ = try store.rosters.stage(db, FamilyRosterBatch(importID: started.id, rows: numbered))
            return try store.rosters.finish(db, FamilyRosterFinish(importID: started.id, complete: complete), today: today)
        }
    }

    func nextRequestID() -> String { requests.withLock { $0 += 1; return "req-\($0)" } }

    /// Runs a batch to its end, slice by slice, as the service's runner does.
    @discardableResult
    func batch(_ program: String, term: Term = Term(year: 2026, season: .autumn), school: String? = nil, township: String? = nil, date: CivilDate? = nil, requestID: String? = nil) throws -> BatchReport {
        let id = try begin(program, term: term, school: school, township: township, date: date, requestID: requestID)
        while try database.write({ db in try store.batches.work(db, batch: id) }) {}
        return try finish(id)
    }

    /// What a batch would do, from a read, as `--dry-run` asks.
    func dryRun(_ program: String, term: Term = Term(year: 2026, season: .autumn), school: String? = nil, township: String? = nil, date: CivilDate? = nil) throws -> BatchReport {
        let request = DisbursementRequest(term: term, program: program, township: township, school: school, date: date, dryRun: true)
        return try database.read { db in try store.batches.dryRun(db, request, actor: Self.county, today: today) }
    }

    func begin(_ program: String, term: Term = Term(year: 2026, season: .autumn), school: String? = nil, township: String? = nil, date: CivilDate? = nil, requestID: String? = nil) throws -> Int64 {
        let request = DisbursementRequest(term: term, program: program, township: township, school: school, date: date)
        return try database.write { db in try store.batches.begin(db, request, requestID: requestID ?? nextRequestID(), actor: Self.county, today: today) }
    }

    func finish(_ id: Int64) throws -> BatchReport {
        try database.write { db in
            try store.batches.finish(db, batch: id)
            let batch = try BatchRow.fetch(db, id: id)!
            try store.coverage.reconcileAlerts(db, pairs: [ProgramTerm(program: batch.programID, term: batch.term.code)])
            return try store.batches.report(db, id: id, withExclusions: true)!
        }
    }

    func payments(_ query: PaymentQuery = PaymentQuery(limit: 1_000)) throws -> [Payment] {
        try database.read { db in try store.payments.list(db, query) }
    }

    func alerts(_ query: AlertQuery = AlertQuery(limit: 1_000)) throws -> [Alert] {
        try database.read { db in try store.alerts.list(db, query) }
    }

    /// The bodies of the events of `type` in the outbox, in order.
    func events<Body: Decodable>(_ type: String, as body: Body.Type) throws -> [Body] {
        try database.read { db in try Outbox.events(db, after: 0, limit: 100_000) }
            .filter { $0.topic.hasPrefix(type + ".") }
            .map { try WireCoding.decode(Body.self, from: $0.body) }
    }
}
