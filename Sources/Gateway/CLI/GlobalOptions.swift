import ArgumentParser
import BaoxueContracts
import BaoxueService
import Foundation
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

    public init() {}

    public var language: Language { Language(tag: lang) }

    public func configuration() async throws -> ServiceConfiguration {
        var overrides: [String: String] = [:]
        if let portBase { overrides["ports.base"] = String(portBase) }
        return try await ServiceConfiguration(service: "gateway", configFile: configFile, overrides: overrides)
    }

    /// Connects to the services named by the configuration.
    public func operations() async throws -> Operations {
        let configuration = try await configuration()
        let ports = configuration.ports
        let registry = configuration.reader.string(forKey: "gateway.registry") ?? ports.requests("registry")
        var curve: CurveRole?
        if let keys = configuration.curveKeys, let registryKey = configuration.reader.string(forKey: "gateway.registryPublicKey") {
            curve = .client(keys, serverPublicKey: registryKey)
        }
        return Operations(clients: try await ServiceClients(registryEndpoint: registry, ports: ports, registryCurve: curve))
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
}
