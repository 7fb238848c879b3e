import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

/// What `baoxue up` promises about the host it runs on (issue 14, items 5 and 6): every file in
/// its data directory is its user's alone from the moment it exists, and one installation runs on
/// a data directory and a port plan at a time, with a refusal that says who holds them.
@Suite(.serialized) struct InstallationSafetyTests {
    @Test func upKeepsEveryFileOwnerOnlyAndRefusesASecondUp() async throws {
        let directory = TemporaryDirectory("baoxue-private")
        defer { directory.remove() }
        let data = directory.file("data")
        let base = FreePorts.base(count: PortPlan.width)
        let httpPort = FreePorts.base(count: 1)
        let up = try ChildProcess("baoxue", ["up", "--demo", "--students", "200", "--port-base", String(base), "--http", "127.0.0.1:\(httpPort)", "--data", data], log: directory.file("up.log"))
        let http = HTTPTestClient(base: "http://127.0.0.1:\(httpPort)")
        try await http.waitUntilOK("/healthz", within: .seconds(60))
        try #require(try await eventually(within: .seconds(90), every: .milliseconds(100)) { up.output.contains("Ctrl-C") }, "\(up.output)")

        // Given a running installation with its demo county, users, keys, logs and locks:
        // every file is 0600 and every directory 0700, the SQLite journals included.
        let names = Set(FileModes.all(under: data).map(\.path))
        for expected in ["registry.sqlite", "registry.sqlite-wal", "registry.sqlite-shm", "monitor.sqlite-wal", "gateway.sqlite-wal", "delivery.sqlite",
                         "keys/curve.env", "demo-tokens.env", "logs/registry.log", "up.lock", "gateway.lock", "registry.lock"] {
            #expect(names.contains(expected), "\(expected) is missing from \(names.sorted())")
        }
        #expect(FileModes.notOwnerOnly(under: data).isEmpty, "not owner-only: \(FileModes.notOwnerOnly(under: data))")

        // When a second `up` is started on the same data directory (on other ports), it refuses,
        // naming the first one's pid and what to do, in Chinese by default and English on request.
        let otherBase = FreePorts.base(count: PortPlan.width)
        let otherHTTP = FreePorts.base(count: 1)
        let second = try await runProduct("baoxue", ["up", "--port-base", String(otherBase), "--http", "127.0.0.1:\(otherHTTP)", "--data", data], timeout: .seconds(60))
        #expect(second.status == 1, "\(second.stdout)\(second.stderr)")
        #expect(second.stderr.contains("进程 \(up.pid)") && second.stderr.contains("installation.running") && second.stderr.contains("Ctrl-C"), "\(second.stderr)")
        let english = try await runProduct("baoxue", ["up", "--port-base", String(otherBase), "--http", "127.0.0.1:\(otherHTTP)", "--data", data, "--lang", "en"], timeout: .seconds(60))
        #expect(english.status == 1 && english.stderr.contains("already running") && english.stderr.contains("pid \(up.pid)"), "\(english.stderr)")

        // And `up` on another data directory but the same ports refuses to start services that
        // could not bind, naming the port.
        let samePorts = try await runProduct("baoxue", ["up", "--port-base", String(base), "--http", "127.0.0.1:\(otherHTTP)", "--data", directory.file("other")], timeout: .seconds(60))
        #expect(samePorts.status == 1 && samePorts.stderr.contains("service.portInUse") && samePorts.stderr.contains("127.0.0.1:\(base)"), "\(samePorts.stderr)")

        // So do `up` and `serve` asked for the HTTP port the first one serves on.
        let sameHTTP = try await runProduct("baoxue", ["up", "--port-base", String(otherBase), "--http", "127.0.0.1:\(httpPort)", "--data", directory.file("third")], timeout: .seconds(60))
        #expect(sameHTTP.status == 1 && sameHTTP.stderr.contains("http://127.0.0.1:\(httpPort)") && sameHTTP.stderr.contains("--http"), "\(sameHTTP.stderr)")
        let serve = try await runProduct("baoxue", ["serve", "--http", "127.0.0.1:\(httpPort)", "--data", directory.file("fourth"), "--lang", "en"], timeout: .seconds(60))
        #expect(serve.status == 1 && serve.stderr.contains("is already in use"), "\(serve.stderr)")

        // The first installation is untouched by the refusals.
        #expect(try await http.get("/healthz").status == 200)
        kill(up.pid, SIGINT)
        #expect(try await eventually(within: .seconds(20), every: .milliseconds(100)) { !up.isRunning })
    }

    @Test func aServiceAloneKeepsItsFilesOwnerOnlyTightensALooseDirectoryAndRefusesASecondCopy() async throws {
        let directory = TemporaryDirectory("baoxue-alone")
        defer { directory.remove() }
        // Given a data directory an older version left readable, with a readable database in it.
        let data = directory.file("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        FileManager.default.createFile(atPath: data + "/registry.sqlite", contents: nil, attributes: [.posixPermissions: 0o644])
        FileManager.default.createFile(atPath: data + "/notes.txt", contents: nil, attributes: [.posixPermissions: 0o644])
        let flags = ["--data", data, "--requests", "tcp://127.0.0.1:*", "--events", "tcp://127.0.0.1:*"]
        let registry = try ChildProcess("baoxue-registry", flags, log: directory.file("registry.log"))
        let endpoints = try await registry.ready()

        // The registry made it owner-only and said so; its files are 0600 from the start.
        #expect(registry.output.contains("made the data directory owner-only"), "\(registry.output)")
        #expect(FileModes.notOwnerOnly(under: data) == ["notes.txt 0644"], "only Baoxue's own files are tightened")
        #expect(Set(FileModes.all(under: data).map(\.path)).isSuperset(of: ["registry.sqlite-wal", "registry.sqlite-shm", "registry.lock"]))

        // A second registry on the same files refuses, naming the first.
        let second = try await runProduct("baoxue-registry", flags, timeout: .seconds(30))
        #expect(second.status == 1 && second.stderr.contains("installation.running") && second.stderr.contains("\(registry.pid)"), "\(second.stderr)")

        // One on other files but the first one's port says the port is taken and what to do.
        let requests = try #require(endpoints["requests"])
        let taken = try await runProduct("baoxue-registry", ["--data", directory.file("other"), "--requests", requests, "--events", "tcp://127.0.0.1:*"], timeout: .seconds(30))
        #expect(taken.status == 1 && taken.stderr.contains("service.portInUse") && taken.stderr.contains(requests) && taken.stderr.contains("--port-base"), "\(taken.stderr)")
        await registry.terminate()
    }
}
