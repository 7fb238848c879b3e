import ArgumentParser
import BaoxueContracts
import ZeroMQ

/// `baoxue keys generate`: CurveZMQ key pairs for every service and the gateway, each service
/// allowing its clients, as YAML for `config/` or as environment lines for docker compose.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "CurveZMQ密钥 (CurveZMQ keys)", subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "生成各服务与网关的密钥对；私钥只打印这一次，请妥善保存 (generate key pairs; the secret keys are printed once)")
        @Flag(help: "输出环境变量（docker compose 的 .env，值加引号）(print quoted environment lines, e.g. for a compose .env file)") var env = false

        func run() async throws {
            let keys = try CurveKeySet.generate()
            if env {
                print(keys.environmentText, terminator: "")
                return
            }
            var sections: [String] = []
            for service in ServiceName.allCases {
                let pair = keys.pair(of: service)
                let clients = ([keys.gateway.publicKey] + service.followers.map(keys.publicKey(of:))).map { "\"\($0)\"" }.joined(separator: ", ")
                var lines = ["# config/\(service).yaml", "\(service):"]
                for source in service.follows { lines.append("  \(source)PublicKey: \"\(keys.publicKey(of: source))\"") }
                lines += ["  curve:", "    publicKey: \"\(pair.publicKey)\"", "    secretKey: \"\(pair.secretKey)\"", "    allowedClients: [\(clients)]"]
                sections.append(lines.joined(separator: "\n"))
            }
            var gateway = ["# config/gateway.yaml", "gateway:"]
            for service in ServiceName.allCases { gateway.append("  \(service)PublicKey: \"\(keys.publicKey(of: service))\"") }
            gateway += ["  curve:", "    publicKey: \"\(keys.gateway.publicKey)\"", "    secretKey: \"\(keys.gateway.secretKey)\""]
            sections.append(gateway.joined(separator: "\n"))
            print(sections.joined(separator: "\n\n"))
        }
    }
}
