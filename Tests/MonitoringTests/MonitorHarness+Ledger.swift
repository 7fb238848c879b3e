import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Monitoring

/// What the target and ledger tests add to the harness: status changes at either fixture school
/// on a stated date, and the case and report calls as a given actor.
extension MonitorHarness {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    /// A status change of fixture child `sequence` at `school` (and its township), dated `date`.
    func change(_ sequence: Int, _ kind: StatusChangeKind, to status: StudentStatus, from: StudentStatus, on date: String, reason: String? = nil, school: String = RosterFixtures.school, revision: Int) throws {
        let student = try student(sequence, status: status, school: school, revision: revision)
        let change = StatusChange(
            id: Int64(sequence * 100 + revision), studentNumber: student.record.studentNumber.value, kind: kind, from: from, to: status, date: Self.date(date),
            documents: [], missingDocuments: [], reason: reason, fromSchool: nil, toSchool: nil, expectedEnd: nil, recordedAt: Timestamp.now(), recordedBy: "op")
        try send(RegistryMessage.Event.statusChanged, StatusChangedEvent(change: change, student: student))
    }

    /// Closes child `sequence`'s case with `outcome` on `date`, naming both lines first.
    func closeCase(_ sequence: Int, _ outcome: CaseOutcome, on date: String, proof: String? = nil) throws {
        let id = try #require(try caseRow(sequence)).id
        try write { db, store, today in
            try store.cases.assign(db, AssignCaseRequest(id: id, townshipOfficial: "王乡长", schoolTeacher: "李老师"), actor: MonitorHarness.county, today: today)
            try store.cases.close(db, CloseCaseRequest(id: id, outcome: outcome, date: Self.date(date), proof: proof), actor: MonitorHarness.county, today: today)
        }
    }

    func report(_ month: String, township: String? = nil, school: String? = nil, actor: Actor = MonitorHarness.county) throws -> LedgerReport {
        let query = LedgerReportQuery(month: CivilMonth(parsing: month)!, township: township, school: school)
        return try write { db, store, today in try store.ledgerReports.report(db, query, actor: actor, today: today) }
    }

    @discardableResult
    func addTarget(_ request: AddTargetRequest, actor: Actor = MonitorHarness.county) throws -> TargetDocument {
        try write { db, store, today in try store.targets.add(db, request, actor: actor, today: today) }
    }

    func targets(_ query: TargetQuery = TargetQuery(), actor: Actor = MonitorHarness.county) throws -> [TargetDocument] {
        try write { db, store, _ in try store.targets.list(db, query, actor: actor) }
    }

    func score(_ year: Int, township: String? = nil, school: String? = nil, actor: Actor = MonitorHarness.county) throws -> TargetScoreSheet {
        try write { db, store, today in try store.targets.score(db, TargetScoreQuery(year: year, township: township, school: school), actor: actor, today: today) }
    }
}

/// The error code a throwing call ends with, or nil when it does not throw.
func errorCode(_ body: () throws -> Void) -> String? {
    do { try body() } catch let error as ServiceError { return error.code.rawValue } catch { return "\(error)" }
    return nil
}

/// The fields a `ServiceError` names.
func errorFields(_ body: () throws -> Void) -> [String] {
    do { try body() } catch let error as ServiceError { return error.problems?.map(\.field) ?? [] } catch {}
    return []
}
