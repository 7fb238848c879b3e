import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

/// Outbox compaction with the real registry and monitor (decision 125): a monitor whose database
/// is lost rebuilds it from a compacted registry outbox, and ends with what it had.
@Suite(.serialized) struct CompactionEndToEndTests {
    /// What the monitor holds of the registry: each child's replica row, and the dropout cases.
    static func monitorState(_ cluster: Cluster) throws -> [String] {
        let database = try DatabaseQueue(path: cluster.directory.file("data/monitor.sqlite"), configuration: { var c = Configuration(); c.readonly = true; return c }())
        return try database.read { db in
            try String.fetchAll(db, sql: "SELECT number || ' ' || name || ' ' || status || ' ' || revision || ' ' || COALESCE(status_date, '-') FROM student ORDER BY number")
                + String.fetchAll(db, sql: "SELECT 'case ' || student || ' ' || state || ' ' || origin FROM dropout_case ORDER BY student")
        }
    }

    static func monitorCaughtUp(_ cluster: Cluster) async -> Bool {
        let statuses = await cluster.operations.services.status(actor: .system)
        guard let registry = statuses.first(where: { $0.service == "registry" })?.health,
            let cursor = statuses.first(where: { $0.service == "monitor" })?.health?.cursor(following: .registry)
        else { return false }
        return cursor == registry.lastSeq
    }

    @Test func aLostMonitorIsRebuiltFromACompactedRegistry() async throws {
        let cluster = try await Cluster(registryEnvironment: ["OUTBOX_RETENTION_DAYS": "0"])
        let registry = cluster.operations.registry
        _ = try await registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        // 300 children added, all renamed, half renamed again; ten drop out, five of those are
        // renamed after, and two come back: 1,000 events or so, of which a compacted outbox
        // keeps each child's last record and every status change.
        _ = try await registry.importStudents(Data(RosterFixtures.studentsCSV(1...300).utf8), actor: .localOperator())
        let renamed = ([RosterFixtures.studentsHeader] + (1...300).map { RosterFixtures.studentRow($0, name: "改名\($0)") }).joined(separator: "\r\n")
        _ = try await registry.importStudents(Data(renamed.utf8), actor: .localOperator())
        let again = ([RosterFixtures.studentsHeader] + (1...150).map { RosterFixtures.studentRow($0, name: "再改\($0)") }).joined(separator: "\r\n")
        _ = try await registry.importStudents(Data(again.utf8), actor: .localOperator())
        let today = Timestamp.todayInChina()
        for index in 1...10 {
            let key = String(RosterFixtures.studentRow(index).split(separator: ",")[3])
            _ = try await registry.changeStatus(StatusChangeRequest(student: key, kind: .dropOut, date: today, documents: ["学校报告"], causes: [.weariness]), actor: .localOperator())
        }
        let after = ([RosterFixtures.studentsHeader] + (1...5).map { RosterFixtures.studentRow($0, name: "三改\($0)") }).joined(separator: "\r\n")
        _ = try await registry.importStudents(Data(after.utf8), actor: .localOperator())
        for index in 9...10 {
            let key = String(RosterFixtures.studentRow(index).split(separator: ",")[3])
            _ = try await registry.changeStatus(StatusChangeRequest(student: key, kind: .return, date: today, documents: ["劝返销号记录"]), actor: .localOperator())
        }
        try #require(await eventually(within: .seconds(30)) { await Self.monitorCaughtUp(cluster) })
        let before = try Self.monitorState(cluster)
        #expect(before.count == 300 + 10)
        #expect(before.filter { $0.hasPrefix("case ") && $0.contains(" open ") }.count == 8)

        // The registry restarts and compacts (retention 0: at once) while the monitor is down…
        await cluster.killMonitor()
        let lastSeq = try await cluster.health().lastSeq
        await cluster.killRegistry()
        try await cluster.restartRegistry()
        let compacted = try await eventually(within: .seconds(30)) { (try? await cluster.health().compactedThrough) == lastSeq }
        let health = try? await cluster.health()
        try #require(compacted, "\(String(describing: health)) \(cluster.registry.output)")
        let kept = try await cluster.replayAll()
        // …keeping both schools, each child's last record and all twelve status changes.
        #expect(kept.count == 2 + 300 + 12)
        #expect(kept.last?.seq == lastSeq)
        #expect(kept.filter { $0.header.type == RegistryMessage.Event.statusChanged }.count == 12)

        // The monitor's database is lost; the monitor, started afresh, replays the compacted
        // outbox and holds what it held: the same children, revisions, status dates and cases.
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: cluster.directory.file("data/monitor.sqlite\(suffix)"))
        }
        try await cluster.restartMonitor()
        try #require(await eventually(within: .seconds(30)) { await Self.monitorCaughtUp(cluster) })
        #expect(try Self.monitorState(cluster) == before)
        await cluster.stop()
    }
}
