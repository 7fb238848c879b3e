import BaoxueTestSupport
import Foundation
import Testing

/// No Docker engine runs here, so the compose file and the configuration are checked as data:
/// every service has a container, a volume for its data, a command that names a real executable,
/// and the YAML the services read parses with the keys they read.
@Suite struct DeploymentFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Loads a YAML file with Python's yaml module (PyYAML ships with this machine's Python) and
    /// returns it as JSON.
    static func load(_ relative: String) async throws -> [String: Any] {
        let result = try await runCommand("/usr/bin/env", ["python3", "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", root.appendingPathComponent(relative).path])
        #expect(result.status == 0, "\(relative) does not parse as YAML: \(result.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    @Test(.enabled("PyYAML is not installed") { await Python.has("yaml") })
    func composeRunsOneContainerPerServiceWithItsOwnVolume() async throws {
        let compose = try await Self.load("docker-compose.yml")
        let services = try #require(compose["services"] as? [String: [String: Any]])
        #expect(Set(services.keys) == ["registry", "monitor", "subsidy", "care", "gateway"])
        let volumes = try #require(compose["volumes"] as? [String: Any])
        for (name, service) in services {
            let command = (service["command"] as? [String])?.joined(separator: " ") ?? ""
            #expect(command.hasPrefix(name == "gateway" ? "baoxue serve" : "baoxue-\(name)"), "\(name): \(command)")
            let mounts = (service["volumes"] as? [String]) ?? []
            #expect(mounts.contains { volumes.keys.contains(String($0.split(separator: ":")[0])) }, "\(name) keeps its data in a named volume")
            #expect(service["healthcheck"] != nil, "\(name) has a healthcheck")
        }
        let gatewayEnvironment = try #require(services["gateway"]?["environment"] as? [String: Any])
        #expect((gatewayEnvironment["GATEWAY_REGISTRY"] as? String)?.contains("registry:") == true)
        // The registry binds beyond loopback, so both sides carry the CurveZMQ keys that
        // `baoxue keys generate --env` writes (CurveDeploymentTests runs those names for real).
        let registryEnvironment = try #require(services["registry"]?["environment"] as? [String: Any])
        for name in ["REGISTRY_CURVE_PUBLIC_KEY", "REGISTRY_CURVE_SECRET_KEY", "REGISTRY_CURVE_ALLOWED_CLIENTS"] {
            #expect(registryEnvironment[name] != nil, "\(name)")
        }
        for name in ["GATEWAY_CURVE_PUBLIC_KEY", "GATEWAY_CURVE_SECRET_KEY", "GATEWAY_REGISTRY_PUBLIC_KEY"] {
            #expect(gatewayEnvironment[name] != nil, "\(name)")
        }
    }

    @Test(.enabled("PyYAML is not installed") { await Python.has("yaml") })
    func configFilesHoldTheKeysTheServicesRead() async throws {
        let registry = try await Self.load("config/registry.yaml")
        let documents = try #require((registry["registry"] as? [String: Any])?["documents"] as? [String: [String]])
        #expect(documents["transferOut"] == ["转学申请", "接收证明"])
        #expect((registry["ports"] as? [String: Any])?["base"] as? Int == 5550)
        let care = try await Self.load("config/care.yaml")
        let surrogates = try #require((care["care"] as? [String: Any])?["surrogates"] as? [String: Int])
        #expect(surrogates == ["maximumChildren": 5, "graceDays": 14, "contactPeriodDays": 14])
        let subsidy = try #require(try await Self.load("config/subsidy.yaml")["subsidy"] as? [String: Any])
        let programs = try #require(subsidy["programs"] as? [String: [String: Any]])
        #expect(Set(programs.keys) == Set((subsidy["activePrograms"] as? [String]) ?? []))
        for (id, program) in programs {
            let shares = (program["shares"] as? [String: Int]) ?? [:]
            #expect(shares.values.reduce(0, +) == program["amountPerTerm"] as? Int, "\(id): the shares sum to the amount")
        }
        let gateway = try await Self.load("config/gateway.yaml")
        #expect((gateway["gateway"] as? [String: Any])?["http"] as? String == "127.0.0.1:8080")
    }

    /// The systemd units and the container keep the data directory owner-only, as the executables
    /// do themselves (decision 115): files 0600 (`UMask=0077`), the directory 0700.
    @Test func unitsAndContainerKeepTheDataDirectoryOwnerOnly() throws {
        let services = Self.root.appendingPathComponent("services")
        let units = try FileManager.default.subpathsOfDirectory(atPath: services.path).filter { $0.hasSuffix(".service") }
        #expect(units.count == 5, "\(units)")
        for unit in units {
            let lines = try String(contentsOf: services.appendingPathComponent(unit), encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines.contains("UMask=0077"), "\(unit)")
            #expect(lines.contains("StateDirectoryMode=0700"), "\(unit)")
        }
        let dockerfile = try String(contentsOf: Self.root.appendingPathComponent("Dockerfile"), encoding: .utf8)
        #expect(dockerfile.contains("-m 0700 /var/lib/baoxue") && !dockerfile.contains("0750"))
    }

    /// Every service may bring its checkpointer's thread back from the idle class to nice 0 and
    /// no higher (decision 134): `RLIMIT_NICE` 20, and no capability for it.
    @Test(.enabled("PyYAML is not installed") { await Python.has("yaml") })
    func unitsAndContainersMayComeBackFromIdlePriorityOnly() async throws {
        let services = Self.root.appendingPathComponent("services")
        let units = try FileManager.default.subpathsOfDirectory(atPath: services.path).filter { $0.hasSuffix(".service") }
        for unit in units {
            let lines = try String(contentsOf: services.appendingPathComponent(unit), encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines.contains("LimitNICE=20") && lines.contains("CapabilityBoundingSet=") && lines.contains("RestrictRealtime=yes"), "\(unit)")
        }
        let compose = try #require(try await Self.load("docker-compose.yml")["services"] as? [String: [String: Any]])
        for (name, service) in compose {
            #expect((service["ulimits"] as? [String: Any])?["nice"] as? Int == 20, "\(name)")
            #expect(service["cap_add"] == nil, "\(name)")
        }
    }
}
