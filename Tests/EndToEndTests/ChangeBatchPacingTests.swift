import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Gateway
import Synchronization
import Testing

/// A file of status changes goes to the registry in parts, each after the monitor has applied
/// the part before (decision 139), so a school's file never puts its whole length ahead of
/// everyone else's alerts; and a monitor that is down never holds the file up.
@Suite struct ChangeBatchPacingTests {
    /// A school's sixty dropouts, as its clerk would upload them.
    static func dropouts(_ indexes: ClosedRange<Int>) -> Data {
        let today = Timestamp.todayInChina()
        let rows = indexes.map { index in
            "\(RosterFixtures.studentRow(index).split(separator: ",")[3]),辍学,\(today),学校报告,厌学"
        }
        return Data((["身份证件号,变动类型,变动日期,证明材料,辍学原因"] + rows).joined(separator: "\r\n").utf8)
    }

    @Test func aSchoolsFileGoesInPartsTheMonitorKeepsUpWith() async throws {
        let cluster = try await Cluster()
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...60).utf8), actor: .localOperator())
        try await operations.services.waitForMonitorToCatchUp(timeout: .seconds(30))

        let parts = PartCounter()
        let outcome = try await operations.registry.changeBatch(Self.dropouts(1...60), actor: .localOperator()) { done, total in parts.note(done) }
        #expect(outcome.report.imported == 60, "\(outcome.report.rejected)")
        #expect(parts.count == 3, "60 rows in parts of \(operations.registry.changeBatchPart)")
        // The answer comes once the monitor has applied the last part too: nothing waits behind
        // the file in the monitor when the clerk reads "done".
        #expect(await CompactionEndToEndTests.monitorCaughtUp(cluster), "the monitor has applied every change of the file when its answer comes")
        await cluster.stop()
    }

    @Test func aFileGoesInWhileTheMonitorIsDown() async throws {
        let cluster = try await Cluster()
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...60).utf8), actor: .localOperator())
        await cluster.killMonitor()

        let outcome = try await operations.registry.changeBatch(Self.dropouts(1...60), actor: .localOperator())
        #expect(outcome.report.imported == 60, "\(outcome.report.rejected)")
        let key = String(RosterFixtures.studentRow(60).split(separator: ",")[3])
        #expect(try await operations.registry.student(key, actor: .localOperator()).student.status == .droppedOut)
        await cluster.stop()
    }
}

/// The distinct progress counts an upload reported: one per part sent.
final class PartCounter: Sendable {
    private let seen = Mutex<Set<Int>>([])
    func note(_ done: Int) { seen.withLock { _ = $0.insert(done) } }
    var count: Int { seen.withLock { $0.count } }
}
