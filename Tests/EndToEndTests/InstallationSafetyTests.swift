import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

/// What `baoxue up` and the services promise about the host they run on (issue 14, item 5): every
/// file in the data directory is its user's alone from the moment it exists.
@Suite(.serialized) struct InstallationSafetyTests {
    @Test func upKeepsEveryFileOwnerOnly() async throws {
        let directory = TemporaryDirectory("baoxue-private")
        defer { directory.remove() }
        let data = directory.file("data")
        let base = FreePorts.base(count: PortPlan.width)
        let httpPort = FreePorts.base(count: 1)
        let up = try ChildProcess("baoxue", ["up", "--demo", "--students", "200", "--port-base", String(base), "--http", "127.0.0.1:\(httpPort)", "--data", data], log: directory.file("up.log"))
        let http = HTTPTestClient(base: "http://127.0.0.1:\(httpPort)")
        try await http.waitUntilOK("/healthz", within: .seconds(60))
        try #require(try await eventually(within: .seconds(90), every: .milliseconds(100)) { up.output.contains("Ctrl-C") }, "\(up.output)")

        // Given a running installation with its demo county, users, keys and logs:
        // every file is 0600 and every directory 0700, the SQLite journals included.
        let names = Set(FileModes.all(under: data).map(\.path))
        for expected in ["registry.sqlite", "registry.sqlite-wal", "registry.sqlite-shm", "monitor.sqlite-wal", "gateway.sqlite-wal", "delivery.sqlite",
                         "keys/curve.env", "demo-tokens.env", "logs/registry.log"] {
            #expect(names.contains(expected), "\(expected) is missing from \(names.sorted())")
        }
        #expect(FileModes.notOwnerOnly(under: data).isEmpty, "not owner-only: \(FileModes.notOwnerOnly(under: data))")

        kill(up.pid, SIGINT)
        #expect(try await eventually(within: .seconds(20), every: .milliseconds(100)) { !up.isRunning })
    }

    @Test func aServiceAloneKeepsItsFilesOwnerOnlyAndTightensALooseDirectory() async throws {
        let directory = TemporaryDirectory("baoxue-alone")
        defer { directory.remove() }
        // Given a data directory an older version left readable, with a readable database in it.
        let data = directory.file("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        FileManager.default.createFile(atPath: data + "/registry.sqlite", contents: nil, attributes: [.posixPermissions: 0o644])
        FileManager.default.createFile(atPath: data + "/notes.txt", contents: nil, attributes: [.posixPermissions: 0o644])
        let flags = ["--data", data, "--requests", "tcp://127.0.0.1:*", "--events", "tcp://127.0.0.1:*"]
        let registry = try ChildProcess("baoxue-registry", flags, log: directory.file("registry.log"))
        _ = try await registry.ready()

        // The registry made it owner-only and said so; its files are 0600 from the start.
        #expect(registry.output.contains("made the data directory owner-only"), "\(registry.output)")
        #expect(FileModes.notOwnerOnly(under: data) == ["notes.txt 0644"], "only Baoxue's own files are tightened")
        #expect(Set(FileModes.all(under: data).map(\.path)).isSuperset(of: ["registry.sqlite-wal", "registry.sqlite-shm"]))

        await registry.terminate()
    }
}
