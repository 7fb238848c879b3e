import BaoxueContracts
import Configuration
import Foundation
import Logging
import ZeroMQ

/// A service's configuration: its YAML file under `config/`, overridden by environment variables
/// (`registry.data` → `REGISTRY_DATA`), overridden by command-line flags. Every key a service
/// reads is documented in its `services/<name>/README.md`.
///
/// Shared keys:
/// - `ports.base` (int, 5550): see ``PortPlan``. Env `PORTS_BASE`.
/// - `<service>.requests` (string): endpoint to bind for requests. Default from the port plan.
/// - `<service>.events` (string): endpoint to bind for events. Default from the port plan.
/// - `<service>.data` (string, `./data`): the data directory; the service's SQLite file is
///   `<data>/<service>.sqlite`.
/// - `log.level` (string, `info`): trace, debug, info, notice, warning, error, critical.
public struct ServiceConfiguration: Sendable {
    public let service: String
    public let reader: ConfigReader

    /// Reads `configFile` (missing is fine: defaults apply), then env vars, then `overrides`
    /// (dotted keys from flags such as `ports.base`).
    public init(service: String, configFile: String?, overrides: [String: String] = [:]) async throws {
        self.service = service
        var providers: [any ConfigProvider] = []
        if !overrides.isEmpty {
            var values: [AbsoluteConfigKey: ConfigValue] = [:]
            for (key, value) in overrides {
                values[AbsoluteConfigKey(key.split(separator: ".").map(String.init), context: [:])] = .init(.string(value), isSecret: false)
            }
            providers.append(InMemoryProvider(name: "flags", values: values))
        }
        providers.append(EnvironmentVariablesProvider())
        let path = configFile ?? ServiceConfiguration.defaultFile(for: service)
        if let path {
            guard configFile == nil || FileManager.default.fileExists(atPath: path) else {
                throw ConfigurationFileMissing(path: path)
            }
            providers.append(try await FileProvider<YAMLSnapshot>(filePath: .init(path), allowMissing: true))
        }
        reader = ConfigReader(providers: providers)
    }

    /// `config/<service>.yaml` under `BAOXUE_CONFIG_DIR`, or under the working directory.
    public static func defaultFile(for service: String) -> String? {
        let directory = ProcessInfo.processInfo.environment["BAOXUE_CONFIG_DIR"] ?? "config"
        return "\(directory)/\(service).yaml"
    }

    public var ports: PortPlan {
        PortPlan(base: Int(reader.string(forKey: "ports.base") ?? "") ?? reader.int(forKey: "ports.base", default: PortPlan.defaultBase))
    }

    /// The endpoints `service` binds: `<service>.requests` and `<service>.events`, else the port
    /// plan's.
    public func bindings(of service: ServiceName) -> (requests: String, events: String) {
        (reader.string(forKey: ConfigKey("\(service).requests")) ?? ports.requests(service),
         reader.string(forKey: ConfigKey("\(service).events")) ?? ports.events(service))
    }

    public var dataDirectory: String {
        reader.string(forKey: ConfigKey("\(service).data")) ?? "./data"
    }

    public var databasePath: String { "\(dataDirectory)/\(service).sqlite" }

    /// This process's CurveZMQ key pair (`<service>.curve.publicKey`, `<service>.curve.secretKey`,
    /// Z85 text from `baoxue keys generate`), or `nil` when not configured.
    public var curveKeys: CurveKeyPair? {
        guard let publicKey = reader.string(forKey: ConfigKey("\(service).curve.publicKey")),
            let secretKey = reader.string(forKey: ConfigKey("\(service).curve.secretKey"), isSecret: true),
            publicKey.count == 40, secretKey.count == 40
        else { return nil }
        return CurveKeyPair(publicKey: publicKey, secretKey: secretKey)
    }

    /// Public keys of the clients a CurveZMQ service serves (`<service>.curve.allowedClients`).
    public var allowedClientKeys: Set<String> {
        Set(reader.stringArray(forKey: ConfigKey("\(service).curve.allowedClients")) ?? [])
    }

    /// The largest ZeroMQ message this process accepts (`zmq.maxMessageBytes`, env
    /// `ZMQ_MAX_MESSAGE_BYTES`; default 256 MiB, at least 1 MiB): a peer that sends more is
    /// disconnected before its message is buffered.
    public var maximumMessageBytes: Int64 {
        Int64(max(reader.int(forKey: "zmq.maxMessageBytes", default: 256 << 20), 1 << 20))
    }

    /// How many days a service keeps the answers of its request journal
    /// (`journal.retentionDays`, env `JOURNAL_RETENTION_DAYS`; default 30, at least 1).
    public var journalRetentionDays: Int {
        max(reader.int(forKey: "journal.retentionDays", default: 30), 1)
    }

    /// How many days every event of the outbox is kept before compaction removes those a later
    /// event supersedes (`outbox.retentionDays`, env `OUTBOX_RETENTION_DAYS`; default 30; 0
    /// compacts at once). A subscriber away for less sees every event; one away longer, or new,
    /// gets each record's latest state (decision 125).
    public var outboxRetentionDays: Int {
        max(reader.int(forKey: "outbox.retentionDays", default: 30), 0)
    }

    /// How often the checkpointer copies the database's WAL into the file, in milliseconds
    /// (`database.checkpointMilliseconds`, env `DATABASE_CHECKPOINT_MILLISECONDS`; default 50).
    /// Shorter copies keep the writer's stalls behind the disk short (decision 140); a slow disk
    /// may want fewer, larger ones. A value outside 10–1,000 refuses to start (`config.invalid`).
    public func checkpointMilliseconds() throws -> Int {
        try reader.int("database.checkpointMilliseconds", in: 10...1_000) ?? WALCheckpointer.defaultIntervalMilliseconds
    }

    public var logLevel: Logger.Level {
        Logger.Level(rawValue: reader.string(forKey: "log.level", default: "info")) ?? .info
    }

    public struct ConfigurationFileMissing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "配置文件不存在：\(path) (configuration file not found: \(path))" }
    }
}
