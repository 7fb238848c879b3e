import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB

@testable import Monitoring

/// The roster, the cross-check and the ledgers on the harness's store.
extension MonitorHarness {
    /// A roster child: the fixture child `sequence` (born 2015-03-01, as ``student(_:)``) unless
    /// another birth date is given, in a village of the fixture township.
    static func rosterChild(_ sequence: Int, birth: String = "20150301", region: String = RosterFixtures.township + "201", name: String? = nil, phone: String? = "13800001234") -> RosterChild {
        RosterChild(
            idNumber: try! IDNumber(validating: RosterFixtures.idNumber(birth: birth, sequence: sequence)), name: name ?? "儿童\(sequence)",
            householdRegion: region, guardianName: "家长\(sequence)", guardianPhone: phone)
    }

    @discardableResult
    func importRoster(_ children: [RosterChild]) throws -> ImportReport {
        let batch = RosterBatch(rows: children.enumerated().map { NumberedRow(row: $0.offset + 1, record: $0.element) })
        return try write { db, store, _ in try store.crosscheck.importRoster(db, batch) }
    }

    @discardableResult
    func crosscheck() throws -> CrosscheckReport {
        try write { db, store, today in try store.crosscheck.run(db, today: today) }
    }

    /// Suspects as the service lists them for `actor`: filters narrowed to the actor's scope.
    func suspects(_ query: SuspectQuery = SuspectQuery(), actor: Actor = MonitorHarness.county) throws -> [Suspect] {
        let scoped = try query.scoped(to: actor)
        return try database.read { [store] db in try store.crosscheck.suspects(db, scoped) }
    }

    func suspect(_ sequence: Int, birth: String = "20150301") throws -> Suspect? {
        let masked = "G" + RosterFixtures.idNumber(birth: birth, sequence: sequence)
        return try database.read { [store] db in
            try Int64.fetchOne(db, sql: "SELECT id FROM crosscheck_suspect WHERE student = ?", arguments: [masked]).flatMap { try store.crosscheck.suspect(db, id: $0) }
        }
    }

    @discardableResult
    func verify(_ id: Int64, _ category: SuspectCategory, proof: String? = nil, actor: Actor = MonitorHarness.county) throws -> VerifiedSuspect {
        try write { db, store, today in try store.crosscheck.verify(db, SuspectVerification(id: id, category: category, proof: proof), actor: actor, today: today) }
    }

    func ledger(_ kind: LedgerKind, township: String? = nil) throws -> LedgerTable {
        try write { db, store, today in try store.ledgers.table(db, LedgerRequest(kind: kind, township: township), today: today) }
    }

    /// Adds fixture child `sequence` from a registered-poor household (建档立卡).
    func addPoor(_ sequence: Int) throws {
        var child = try student(sequence)
        child.record.registeredPoor = true
        try send(RegistryMessage.Event.studentAdded, child)
    }

    /// A status change for a registered-poor child.
    func changePoor(_ sequence: Int, _ kind: StatusChangeKind, to status: StudentStatus, reason: String? = nil) throws {
        var child = try student(sequence, status: status, revision: 2)
        child.record.registeredPoor = true
        let change = StatusChange(id: 2, studentNumber: child.record.studentNumber.value, kind: kind, from: .enrolled, to: status, date: today, documents: [], missingDocuments: [], reason: reason, fromSchool: nil, toSchool: nil, expectedEnd: nil, recordedAt: Timestamp.now(), recordedBy: "op")
        try send(RegistryMessage.Event.statusChanged, StatusChangedEvent(change: change, student: child))
    }

    /// Rule 5's alerts, newest first, in any state.
    func crosscheckAlerts(state: AlertState? = nil) throws -> [Alert] {
        try database.read { [store] db in
            try store.alerts.list(db, AlertQuery(state: state, rule: .crosscheckSuspect, limit: 1_000))
        }
    }

    /// Every alert body the monitor published, as JSON text.
    func publishedBodies() throws -> [String] {
        try database.read { db in try Data.fetchAll(db, sql: "SELECT body FROM outbox ORDER BY seq").map { String(decoding: $0, as: UTF8.self) } }
    }
}
