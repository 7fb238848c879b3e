import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import BaoxueTestSupport
import Foundation
import GRDB
import Synchronization

@testable import Care

/// The care service's store over a real SQLite file, fed synthetic registry and monitor events,
/// with a clock the test moves: the 14-day rules are tested day by day without sleeping.
final class CareHarness: Sendable {
    let directory = TemporaryDirectory("baoxue-care")
    let database: DatabasePool
    let store: CareStore
    let clock: TestClock
    private let seq = Mutex<Int64>(0)
    static let county = Actor(user: "op", role: "county-operator", via: "test")

    init(today: CivilDate = CivilDate(parsing: "2026-11-02")!, configure: (inout CareSettings) -> Void = { _ in }) throws {
        let clock = TestClock(today)
        self.clock = clock
        var settings = CareSettings()
        settings.today = { clock.now }
        configure(&settings)
        store = CareStore(settings: settings)
        database = try ServiceDatabase.open(path: directory.file("care.sqlite"), migrator: CareSchema.migrator)
        try send(RegistryMessage.Event.schoolUpserted, SchoolRecord(code: RosterFixtures.school, name: "城关镇中心小学", type: .primary, township: RosterFixtures.township))
        try send(RegistryMessage.Event.schoolUpserted, SchoolRecord(code: RosterFixtures.otherSchool, name: "金河乡中心小学", type: .primary, township: RosterFixtures.otherTownship))
    }

    deinit { directory.remove() }

    var today: CivilDate { clock.now }

    func advance(days: Int) { clock.advance(days: days) }

    /// One registry event, applied as the subscriber applies it.
    func send(_ type: String, _ body: some Encodable) throws {
        let next = seq.withLock { $0 += 1; return $0 }
        let event = ReceivedEvent(seq: next, topic: type, header: MessageHeader(type: type, actor: Self.county, publisher: "registry", seq: next), body: try WireCoding.encode(body))
        let store = self.store, today = self.today
        try database.write { db in try store.replica.apply(db, event, today: today) }
    }

    /// One monitor event, applied as the care service's monitor subscriber applies it.
    func sendMonitor(_ type: String, _ body: some Encodable, seq: Int64) throws {
        let event = ReceivedEvent(seq: seq, topic: type, header: MessageHeader(type: type, publisher: "monitor", seq: seq), body: try WireCoding.encode(body))
        let store = self.store
        try database.write { db in try store.notices.apply(db, event) }
    }

    static func key(_ sequence: Int) -> String { RosterFixtures.idNumber(sequence: sequence) }
    static func number(_ sequence: Int) -> String { "G" + key(sequence) }

    /// Fixture child `sequence` (born 2015-03-01…, grade 5), rural unless told otherwise.
    func student(_ sequence: Int, school: String = RosterFixtures.school, household: HouseholdType? = .rural, leftBehind: LeftBehindStatus = .bothParents, orphan: Bool = false, birth: CivilDate? = nil, status: StudentStatus = .enrolled, revision: Int = 1) throws -> Student {
        let headers = RosterFixtures.studentsHeader.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let values = RosterFixtures.studentRow(sequence, school: school).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var fields: [StudentField: String] = [:]
        for (header, value) in zip(headers, values) {
            if let field = StudentField(header: header) { fields[field] = value }
        }
        if let birth {
            let id = RosterFixtures.idNumber(birth: birth.description.replacingOccurrences(of: "-", with: ""), sequence: sequence)
            fields[.idNumber] = id
            fields[.birthDate] = birth.description
        }
        var record = try StudentRecord.parse(fields).get()
        record.householdType = household
        record.leftBehind = leftBehind
        record.orphan = orphan
        let township = school == RosterFixtures.school ? RosterFixtures.township : RosterFixtures.otherTownship
        return Student(record: record, status: status, township: township, schoolName: nil, documentsIncomplete: false, updatedAt: Timestamp.now(), revision: revision)
    }

    func add(_ sequence: Int, school: String = RosterFixtures.school, household: HouseholdType? = .rural, leftBehind: LeftBehindStatus = .bothParents, orphan: Bool = false, birth: CivilDate? = nil) throws {
        try send(RegistryMessage.Event.studentAdded, try student(sequence, school: school, household: household, leftBehind: leftBehind, orphan: orphan, birth: birth))
    }

    /// The usual family of the ledger: both parents working away, a grandmother at home.
    static func entry(_ sequence: Int, father: ParentRecord = ParentRecord(situation: .away, place: "广东东莞"), mother: ParentRecord = ParentRecord(situation: .away, place: "浙江义乌"), enteredOn: CivilDate? = nil, key: String? = nil) -> LedgerEntryRequest {
        LedgerEntryRequest(
            student: key ?? Self.key(sequence), father: father, mother: mother, guardian: Guardian(name: "王秀英", relation: .grandparent, age: 68, phone: "13800001111", health: .fair),
            director: CareContact(name: "李主任", phone: "13900002222"), supervisor: CareContact(name: "赵督导"), enteredOn: enteredOn)
    }

    /// Records a child's family as `actor`; answers the ledger record.
    @discardableResult
    func record(_ request: LedgerEntryRequest, actor: Actor = CareHarness.county) throws -> LedgerEntry {
        try write { db, store, today in
            let child = try ChildRow.require(db, key: request.student, actor: actor)
            try store.ledger.record(db, request, child: child, actor: actor, today: today)
            return try store.ledger.entry(db, number: child.number, today: today)!
        }
    }

    func entry(_ sequence: Int) throws -> LedgerEntry? {
        let store = self.store, today = self.today
        return try database.read { db in try store.ledger.entry(db, number: Self.number(sequence), today: today) }
    }

    func register(_ name: String, school: String = RosterFixtures.school) throws -> Surrogate {
        try write { db, store, today in try store.surrogates.register(db, SurrogateRequest(name: name, kind: .teacher, phone: "13700003333", school: school), actor: CareHarness.county, today: today) }
    }

    @discardableResult
    func assign(_ sequence: Int, to surrogate: Int64, actor: Actor = CareHarness.county) throws -> Assignment {
        try write { db, store, today in try store.surrogates.assign(db, AssignmentRequest(student: Self.key(sequence), surrogate: surrogate), actor: actor, today: today) }
    }

    @discardableResult
    func sweep() throws -> CareSweepReport {
        try write { db, store, today in try store.rules.sweep(db, today: today) }
    }

    /// Open care alert rules of a child.
    func openRules(_ sequence: Int) throws -> [AlertRule] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT rule FROM alert WHERE student = ? AND state != 'resolved' ORDER BY rule", arguments: [Self.number(sequence)]).compactMap(AlertRule.init(rawValue:))
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database, CareStore, CivilDate) throws -> T) throws -> T {
        let store = self.store, today = self.today
        return try database.write { db in try body(db, store, today) }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database, CareStore, CivilDate) throws -> T) throws -> T {
        let store = self.store, today = self.today
        return try database.read { db in try body(db, store, today) }
    }

    /// Events the care service published, in order: (type, body).
    func published() throws -> [(type: String, body: Data)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT header, body FROM outbox ORDER BY seq").map { row in
                (try WireCoding.decode(MessageHeader.self, from: row["header"]).type, row["body"] as Data)
            }
        }
    }
}
