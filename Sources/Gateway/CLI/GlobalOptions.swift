import Access
import ArgumentParser
import BaoxueContracts
import BaoxueService
import Configuration
import Foundation
import Logging
import ZeroMQ

/// Options every command that talks to services takes.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("port-base"), help: "服务端口基数 (base port of the services; default 5550 or config/gateway.yaml)")
    public var portBase: Int?

    @Option(name: .customLong("config"), help: "网关配置文件 (gateway config file; default config/gateway.yaml)")
    public var configFile: String?

    @Flag(name: .customLong("json"), help: "输出JSON (print JSON for scripts)")
    public var json = false

    @Option(name: .customLong("lang"), help: "界面语言 zh|en (language of the output)")
    public var lang: String = "zh"

    @Option(name: .customLong("data"), help: "数据目录，含用户与审计库 (data directory, with the users and audit store; default gateway.data or ./data)")
    public var data: String?

    @Option(name: .customLong("token"), help: "以该令牌的用户身份操作；也可设环境变量 BAOXUE_TOKEN (act as this token's user; or set BAOXUE_TOKEN; default: the local operator)")
    public var token: String?

    @Option(name: .customLong("request-id"), help: "请求编号：命令因服务无响应而结果未知时，用同一编号重新运行，已执行的不会重复执行 (request id: when a command ended with no answer from a service, run it again with the id it printed; what was applied is answered, not applied twice)")
    public var requestID: String?

    public init() {}

    public var language: Language { Language(tag: lang) }

    public func configuration() async throws -> ServiceConfiguration {
        var overrides: [String: String] = [:]
        if let portBase { overrides["ports.base"] = String(portBase) }
        return try await ServiceConfiguration(service: "gateway", configFile: configFile, overrides: overrides)
    }

    /// The data directory: `--data`, `gateway.data`, or `./data`.
    public func dataDirectory(_ configuration: ServiceConfiguration) -> String {
        data ?? configuration.reader.string(forKey: "gateway.data") ?? "./data"
    }

    /// The operations and who performs them: the user of `--token` (or `BAOXUE_TOKEN`), or the
    /// local operator the configuration names (`gateway.operator.name`, `gateway.operator.role`,
    /// default `operator`, `county-admin`: whoever runs commands on the data-center host can read
    /// its files anyway, and someone must be able to add the first users).
    public func session() async throws -> CommandSession {
        let configuration = try await configuration()
        let operations = try await operations(configuration)
        let token = token ?? ProcessInfo.processInfo.environment["BAOXUE_TOKEN"]
        if let token, !token.isEmpty {
            return CommandSession(operations: operations, actor: try await operations.access.authenticate(token: token, via: "cli"))
        }
        let reader = configuration.reader
        let role = reader.string(forKey: "gateway.operator.role", default: Role.countyAdmin.rawValue)
        guard let known = Role(rawValue: role), known != .system else {
            throw CommandFailure(say("gateway.operator.role 不是已知角色：\(role)", "gateway.operator.role is not a known role: \(role)"), exitCode: 2)
        }
        let actor = Actor(
            user: reader.string(forKey: "gateway.operator.name", default: "operator"), role: known.rawValue,
            township: reader.string(forKey: "gateway.operator.township"), school: reader.string(forKey: "gateway.operator.school"), via: "cli")
        return CommandSession(operations: operations, actor: actor)
    }

    /// Connects to the services named by the configuration, with the data directory's store.
    public func operations() async throws -> Operations {
        try await operations(try await configuration())
    }

    func operations(_ configuration: ServiceConfiguration) async throws -> Operations {
        let clients = try await ServiceClients(configuration: configuration, dataDirectory: dataDirectory(configuration))
        return Operations(clients: clients, access: try openStore(dataDirectory(configuration)))
    }

    /// The users and audit store, or a message saying which file could not be opened. The data
    /// directory is made owner-only first (``PrivateFiles``), saying so to `logger` if it was not.
    func openStore(_ directory: String, logger: Logger? = nil) throws -> AccessStore {
        do {
            try PrivateFiles.prepare(directory: directory, logger: logger)
            return try AccessStore(dataDirectory: directory)
        } catch {
            throw CommandFailure(say("无法打开用户与审计库（\(directory)/gateway.sqlite）：\(error)。请用 --data 指定数据目录", "cannot open the users and audit store (\(directory)/gateway.sqlite): \(error); name the data directory with --data"), exitCode: 1)
        }
    }

    /// Where HTTP is served: `--http`, else `gateway.http`, else `127.0.0.1:8080`.
    func httpAddress(_ flag: String?, _ configuration: ServiceConfiguration) throws -> HTTPAddress {
        guard let address = HTTPAddress(flag ?? configuration.reader.string(forKey: "gateway.http", default: "127.0.0.1:8080")) else {
            throw CommandFailure(say("--http 应为 HOST:PORT", "--http must be HOST:PORT"), exitCode: 2)
        }
        return address
    }

    /// Prints `value` as JSON (with `--json`) or the table `table` builds.
    public func emit<Value: Encodable>(_ value: Value, table: () -> String) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(value), as: UTF8.self))
        } else {
            print(table())
        }
    }

    public func say(_ zh: String, _ en: String) -> String { language.pick(zh, en) }

    /// Tells a person what a long command is doing. With `--json` it goes to standard error, so
    /// that standard output is the JSON alone for the script reading it.
    public func progress(_ zh: String, _ en: String) {
        let line = say(zh, en)
        if json {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }
}
