import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

/// What `make run` does, and each executable run alone from its configuration file.
@Suite(.serialized) struct UpAndConfigTests {
    @Test func upWithDemoServesAndStopsCleanlyOnCtrlC() async throws {
        let directory = TemporaryDirectory("baoxue-up")
        defer { directory.remove() }
        let base = FreePorts.base(count: PortPlan.width)
        let httpPort = FreePorts.base(count: 1)
        let up = try ChildProcess("baoxue", ["up", "--demo", "--students", "500", "--port-base", String(base), "--http", "127.0.0.1:\(httpPort)", "--data", directory.file("data")], log: directory.file("up.log"))
        var http = HTTPTestClient(base: "http://127.0.0.1:\(httpPort)")
        try await http.waitUntilOK("/healthz", within: .seconds(60))

        // The demo county is loaded by the time the hints are printed.
        #expect(try await eventually(within: .seconds(60), every: .milliseconds(100)) { up.output.contains("Ctrl-C") })
        #expect(try await http.get("/api/v1/students?limit=1").status == 401)
        // One demo user per role, their tokens in an owner-only file the welcome text names.
        let tokensPath = directory.file("data/demo-tokens.env")
        #expect(up.output.contains(tokensPath))
        #expect(try FileManager.default.attributesOfItem(atPath: tokensPath)[.posixPermissions] as? Int == 0o600)
        let tokens = try Self.tokens(tokensPath)
        #expect(tokens.count == 5)
        http = http.with(token: tokens["BAOXUE_TOKEN_COUNTY_OPERATOR"])
        let page = try await http.get("/api/v1/students?limit=1")
        #expect(try page.json()["total"] as? Int == 500)
        let township = try await http.with(token: tokens["BAOXUE_TOKEN_TOWNSHIP_STAFF"]).get("/api/v1/students?limit=1")
        #expect(try (township.json()["total"] as? Int ?? 0) < 500)
        #expect(up.output.contains("curl"))
        // The commands it suggests name the executable that was started, so they run as pasted.
        #expect(up.output.contains("\(BuiltProducts.path("baoxue")) student list --limit 10"), "\(up.output)")
        // CURVE between the processes, with keys made on first run, owner-only.
        let keys = directory.file("data/keys/curve.env")
        #expect(try FileManager.default.attributesOfItem(atPath: keys)[.posixPermissions] as? Int == 0o600)
        let plain = try await runProduct("baoxue", ["services", "status", "--port-base", String(base), "--data", directory.file("elsewhere")])
        #expect(plain.stdout.contains("DOWN") || plain.stdout.contains("无响应"), "a client without the keys is not served: \(plain.stdout)")
        let registryPid = try #require(registryPID(from: try await http.get("/healthz")))

        // The registry is its own process: killed, it is restarted by the supervisor.
        kill(registryPid, SIGKILL)
        var restarted: Int32?
        _ = try await eventually(within: .seconds(30), every: .milliseconds(200)) {
            guard let reply = try? await http.get("/healthz"), reply.status == 200, let pid = registryPID(from: reply), pid != registryPid else { return false }
            restarted = pid
            return true
        }
        let newPid = try #require(restarted)
        #expect(try await http.get("/api/v1/students?limit=1").json()["total"] as? Int == 500)

        // Care is supervised alike, and the demo's care survives its restart: every child on the
        // ledger has a surrogate parent or an open alert saying why not (issue 12, "Done when").
        let carePid = try #require(pid(of: "care", from: try await http.get("/healthz")))
        kill(carePid, SIGKILL)
        #expect(try await eventually(within: .seconds(30), every: .milliseconds(200)) {
            guard let reply = try? await http.get("/healthz"), reply.status == 200, let pid = pid(of: "care", from: reply) else { return false }
            return pid != carePid
        })
        let ledger = try await http.get("/api/v1/care/ledger?limit=1000").json(array: true)
        #expect(!ledger.isEmpty)
        let waiting = Set(ledger.filter { $0["surrogate"] == nil }.compactMap { $0["student"] as? String })
        let alerts = try await http.get("/api/v1/alerts?service=care&limit=1000").json(array: true).filter { $0["rule"] as? String == "surrogateMissing" }
        #expect(waiting.isSubset(of: Set(alerts.compactMap { $0["student"] as? String })), "\(waiting) wait without an alert")

        // The subsidy service too, and the demo's aid survives its restart: coverage still answers
        // with one successful payment per child and program (issue 11, "Done when").
        let subsidyPid = try #require(pid(of: "subsidy", from: try await http.get("/healthz")))
        kill(subsidyPid, SIGKILL)
        #expect(try await eventually(within: .seconds(30), every: .milliseconds(200)) {
            guard let reply = try? await http.get("/healthz"), reply.status == 200, let pid = pid(of: "subsidy", from: reply) else { return false }
            return pid != subsidyPid
        })
        #expect(try await http.get("/api/v1/subsidy/programs").status == 200)

        // Ctrl-C stops the gateway and every service.
        kill(up.pid, SIGINT)
        #expect(try await eventually(within: .seconds(20), every: .milliseconds(100)) { !up.isRunning })
        #expect(kill(newPid, 0) != 0, "the registry must stop with `up`")
    }

    /// The services of a `baoxue up` watch it: killed with SIGKILL (no Ctrl-C, no chance to stop
    /// them), it leaves none running: the kernel tells each at once (``ParentWatch``) and each
    /// shuts down gracefully, within a couple of seconds.
    @Test func servicesStopOnTheirOwnWhenUpIsKilled() async throws {
        let directory = TemporaryDirectory("baoxue-up-killed")
        defer { directory.remove() }
        // `up` lays out a whole port plan from one base: probed, not read back.
        let base = FreePorts.base(count: PortPlan.width)
        let httpPort = FreePorts.base(count: 1)
        let up = try ChildProcess("baoxue", ["up", "--port-base", String(base), "--http", "127.0.0.1:\(httpPort)", "--data", directory.file("data")], log: directory.file("up.log"))
        let http = HTTPTestClient(base: "http://127.0.0.1:\(httpPort)")
        var pids: [Int32] = []
        try #require(await eventually {
            guard let reply = try? await http.get("/healthz"), reply.status == 200 else { return false }
            pids = servicePIDs(from: reply)
            return pids.count == ServiceName.deployed.count
        }, "every service up: \(up.output)")

        await up.kill()
        #expect(try await eventually(within: .seconds(3), every: .milliseconds(50)) { pids.allSatisfy(Self.hasExited) }, "services \(pids) still running 3 s after `up` was killed")
        for service in ServiceName.deployed.map(\.rawValue) {
            let log = (try? String(contentsOfFile: directory.file("data/logs/\(service).log"), encoding: .utf8)) ?? ""
            #expect(log.contains("parent process is gone"), "\(service) shut down on its own: \(log)")
        }
    }

    /// A service whose parent died before it could ask to die with it (the race the kernel's
    /// parent-death signal leaves open) notices at once and starts nothing.
    @Test func aServiceWhoseParentIsAlreadyGoneDoesNotStart() async throws {
        let directory = TemporaryDirectory("baoxue-orphan")
        defer { directory.remove() }
        // Pid 1 is never this test's: to the service, the parent it was given is gone.
        let orphan = try await runProduct(
            "baoxue-registry", ["--data", directory.file("data"), "--requests", "tcp://127.0.0.1:*", "--events", "tcp://127.0.0.1:*"],
            environment: [ParentWatch.environmentKey: "1"], timeout: .seconds(30))
        #expect(orphan.status == 0 && orphan.stderr.contains("parent process 1 is gone; not starting"), "\(orphan.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("data")), "nothing opened or created")
    }

    /// Whether `pid` is gone: no such process, or a zombie its new parent has yet to reap.
    static func hasExited(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // "pid (comm) S …": the state follows the last parenthesis.
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    func servicePIDs(from reply: HTTPTestClient.Reply) -> [Int32] {
        let services = (try? reply.json()["services"] as? [[String: Any]]) ?? []
        return services.compactMap { ($0["health"] as? [String: Any])?["pid"] as? Int }.map { Int32($0) }
    }

    /// `NAME=token` lines of a demo tokens file.
    static func tokens(_ path: String) throws -> [String: String] {
        var tokens: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where line.hasPrefix("BAOXUE_TOKEN_") {
            let parts = line.split(separator: "=", maxSplits: 1)
            tokens[String(parts[0])] = parts[1].split(separator: " ").first.map(String.init)
        }
        return tokens
    }

    /// The process id `service` reported in the gateway's health reply.
    func pid(of service: String, from reply: HTTPTestClient.Reply) -> Int32? {
        guard let services = try? reply.json()["services"] as? [[String: Any]],
            let health = services.first(where: { $0["service"] as? String == service })?["health"] as? [String: Any], let pid = health["pid"] as? Int
        else { return nil }
        return Int32(pid)
    }

    func registryPID(from reply: HTTPTestClient.Reply) -> Int32? {
        guard let services = try? reply.json()["services"] as? [[String: Any]],
            let health = services.first?["health"] as? [String: Any], let pid = health["pid"] as? Int
        else { return nil }
        return Int32(pid)
    }

    @Test func registryRunsAloneFromItsConfigFile() async throws {
        let directory = TemporaryDirectory("baoxue-config")
        defer { directory.remove() }
        let yaml = """
            registry:
              requests: "tcp://127.0.0.1:*"
              events: "tcp://127.0.0.1:*"
              data: \(directory.file("registry-data"))
              documents:
                graduate: [毕业证书]
            log:
              level: debug
            """
        try FileManager.default.createDirectory(atPath: directory.file("config"), withIntermediateDirectories: true)
        _ = try directory.write("config/registry.yaml", Data(yaml.utf8))
        let registry = try ChildProcess("baoxue-registry", [], log: directory.file("registry.log"), environment: ["BAOXUE_CONFIG_DIR": directory.file("config")])
        let requests = try #require(try await registry.ready()["requests"])
        let status = try await waitForStatus(requests)
        #expect(status.status == 0, "\(registry.output)")
        #expect(FileManager.default.fileExists(atPath: directory.file("registry-data/registry.sqlite")))
        #expect(registry.output.contains("debug") || registry.output.contains("registry listening"))
        await registry.terminate()
    }

    func waitForStatus(_ requests: String) async throws -> CommandResult {
        var last = CommandResult(status: -1, stdout: "", stderr: "")
        _ = try await eventually(within: .seconds(30), every: .milliseconds(200)) {
            last = try await runProduct("baoxue", ["services", "status", "--service", "registry"], environment: ["GATEWAY_REGISTRY": requests])
            return last.status == 0
        }
        return last
    }
}
