import Access
import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// The alert stream as township staff use it: `baoxue alert watch` connected through a gateway
/// restart gets every alert exactly once and in order; a township's stream never carries another
/// township's alert.
@Suite struct AlertStreamTests {
    static let csv = ([RosterFixtures.studentsHeader] + (1...4).map { RosterFixtures.studentRow($0) } + (5...6).map { RosterFixtures.studentRow($0, school: RosterFixtures.otherSchool) }).joined(separator: "\n")

    /// `[(event id, alert)]` from a watcher's `--json` lines.
    static func received(_ output: String) -> [(Int64, [String: Any])] {
        output.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? Int, let alert = object["alert"] as? [String: Any]
            else { return nil }
            return (Int64(id), alert)
        }
    }

    @Test func aWatcherGetsEveryAlertOnceInOrderThroughAGatewayRestart() async throws {
        let cluster = try await Cluster()
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(Self.csv.utf8), actor: .localOperator())
        let county = try operations.accessStore.add(NewUser(name: "county-watch", role: .countyOperator)).token
        let otherTownship = try operations.accessStore.add(NewUser(name: "jinhe-watch", role: .townshipStaff, township: RosterFixtures.otherTownship)).token

        // The gateway takes any free port; its restart below binds the same one again, since the
        // watchers reconnect to the address they were given.
        var gateway = try ChildProcess("baoxue", ["serve", "--http", "127.0.0.1:0"] + cluster.gatewayFlags, log: cluster.directory.file("gateway-0.log"))
        let address = try #require(try await gateway.ready()["http"])
        let url = "http://\(address)"
        try await HTTPTestClient(base: url).waitUntilOK("/healthz")
        // Both watchers start from the beginning of the feed, so none of the alerts below can
        // happen before they connect.
        let watcher = try ChildProcess("baoxue", ["alert", "watch", "--url", url, "--token", county, "--from", "0", "--json", "--count", "7"], log: cluster.directory.file("watch.log"))
        let jinhe = try ChildProcess("baoxue", ["alert", "watch", "--url", url, "--token", otherTownship, "--from", "0", "--json", "--count", "2"], log: cluster.directory.file("watch-jinhe.log"))

        func dropOut(_ sequence: Int) async throws {
            let request = StatusChangeRequest(student: RosterFixtures.idNumber(sequence: sequence), kind: .dropOut, date: Timestamp.todayInChina(), documents: ["学校报告"], causes: [.weariness])
            _ = try await operations.registry.changeStatus(request, actor: .localOperator())
        }
        for sequence in [1, 2, 5] { try await dropOut(sequence) }
        try #require(await eventually { Self.received(watcher.output).count >= 3 }, "three alerts before the restart")

        // The gateway goes down; alerts keep coming; it comes back and catches up from the
        // monitor; the watcher reconnects with its last id and gets only what it missed.
        await gateway.kill()
        for sequence in [3, 4, 6] { try await dropOut(sequence) }
        _ = try await operations.registry.changeStatus(StatusChangeRequest(student: RosterFixtures.idNumber(sequence: 1), kind: .return, date: Timestamp.todayInChina(), documents: ["劝返销号记录"]), actor: .localOperator())
        gateway = try ChildProcess("baoxue", ["serve", "--http", address] + cluster.gatewayFlags, log: cluster.directory.file("gateway-1.log"))
        try #require(await eventually { !watcher.isRunning }, "the watcher to finish")

        let events = Self.received(watcher.output)
        #expect(events.count == 7, "\(watcher.output)")
        let ids = events.map(\.0)
        #expect(ids == ids.sorted() && Set(ids).count == ids.count, "in order, each once: \(ids)")
        let states = events.map { "\($0.1["id"] as? Int ?? 0) \($0.1["state"] as? String ?? "")" }
        #expect(Set(states).count == 7)
        #expect(events.filter { $0.1["state"] as? String == "resolved" }.count == 1)
        #expect(!watcher.output.contains(RosterFixtures.idNumber(sequence: 1)), "alerts carry masked numbers only")

        // The other township's watcher got exactly its two children, nothing of ours.
        try #require(await eventually { !jinhe.isRunning }, "the township watcher to finish")
        let theirs = Self.received(jinhe.output)
        #expect(theirs.count == 2)
        #expect(theirs.allSatisfy { $0.1["township"] as? String == RosterFixtures.otherTownship })
        await gateway.terminate()
        await cluster.stop()
    }

    /// A stream is one long request: it ends when its token is rotated (or its user disabled),
    /// and the watcher, reconnecting, is refused.
    @Test func aStreamEndsWhenItsTokenIsRotated() async throws {
        let cluster = try await Cluster()
        let operations = cluster.operations
        let token = try operations.accessStore.add(NewUser(name: "rotated-watch", role: .countyOperator)).token
        let gateway = try ChildProcess("baoxue", ["serve", "--http", "127.0.0.1:0"] + cluster.gatewayFlags, log: cluster.directory.file("gateway-rotate.log"))
        let address = try #require(try await gateway.ready()["http"])
        try await HTTPTestClient(base: "http://\(address)").waitUntilOK("/healthz")
        let watcher = try ChildProcess("baoxue", ["alert", "watch", "--url", "http://\(address)", "--token", token, "--json"], log: cluster.directory.file("watch-rotate.log"))
        try await Task.sleep(for: .seconds(1))
        #expect(watcher.isRunning, "\(watcher.output)")
        _ = try operations.accessStore.rotateToken(name: "rotated-watch")
        let ended = try await eventually(within: .seconds(20)) { !watcher.isRunning }
        #expect(ended, "the stream should end within a recheck of the rotation: \(watcher.output)")
        await watcher.kill()
        await gateway.terminate()
        await cluster.stop()
    }
}
