import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Gateway
import Synchronization
import Testing

/// A file of status changes, and a school-sized students file, go to the registry in parts, each
/// after the monitor has applied the part before (decisions 139 and 142), so a school's file never
/// puts its whole length ahead of everyone else's alerts; a county-sized file goes at full speed;
/// and a monitor that is down never holds a file up.
@Suite struct UploadPacingTests {
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

    @Test func aSchoolsStudentsFileGoesInPartsTheMonitorKeepsUpWith() async throws {
        let cluster = try await Cluster()
        var operations = cluster.operations
        operations.registry.importPart = 100
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let parts = PartCounter()
        let outcome = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...250).utf8), actor: .localOperator()) { done, total in parts.note(done) }
        #expect(outcome.report.imported == 250, "\(outcome.report.rejected)")
        #expect(parts.count == 3, "250 rows in parts of 100")
        #expect(await CompactionEndToEndTests.monitorCaughtUp(cluster), "the monitor has registered every child of the file when its answer comes")

        // A file above the paced size (a county's first load, here made small) goes at full
        // speed: one batch, not parts.
        operations.registry.pacedImportRows = 100
        let whole = PartCounter()
        let more = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(251...500).utf8), actor: .localOperator()) { done, total in whole.note(done) }
        #expect(more.report.imported == 250, "\(more.report.rejected)")
        #expect(whole.count == 1, "above \(operations.registry.pacedImportRows) rows: batches of \(operations.registry.batchSize)")
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
        // A school's students file too.
        let added = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(61...120).utf8), actor: .localOperator())
        #expect(added.report.imported == 60, "\(added.report.rejected)")
        await cluster.stop()
    }
}

/// The distinct progress counts an upload reported: one per part sent.
final class PartCounter: Sendable {
    private let seen = Mutex<Set<Int>>([])
    func note(_ done: Int) { seen.withLock { _ = $0.insert(done) } }
    var count: Int { seen.withLock { $0.count } }
}
