import ArgumentParser
import ZeroMQ

/// `baoxue keys generate`: CurveZMQ key pairs for every service and the gateway, each service
/// allowing its clients, as YAML for `config/` or as environment lines for docker compose.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "CurveZMQ密钥 (CurveZMQ keys)", subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "生成学籍服务与网关的密钥对；私钥只打印这一次，请妥善保存 (generate key pairs; the secret keys are printed once)")
        @Flag(help: "输出环境变量（docker compose 的 .env）(print environment lines, e.g. for a compose .env file)") var env = false

        func run() async throws {
            let keys = try CurveKeySet.generate()
            let registry = keys.registry, monitor = keys.monitor, gateway = keys.gateway
            if env {
                print(keys.environmentText, terminator: "")
            } else {
                print("""
                    # config/registry.yaml
                    registry:
                      curve:
                        publicKey: "\(registry.publicKey)"
                        secretKey: "\(registry.secretKey)"
                        allowedClients: ["\(gateway.publicKey)", "\(monitor.publicKey)"]

                    # config/monitor.yaml
                    monitor:
                      registryPublicKey: "\(registry.publicKey)"
                      curve:
                        publicKey: "\(monitor.publicKey)"
                        secretKey: "\(monitor.secretKey)"
                        allowedClients: ["\(gateway.publicKey)"]

                    # config/gateway.yaml
                    gateway:
                      registryPublicKey: "\(registry.publicKey)"
                      monitorPublicKey: "\(monitor.publicKey)"
                      curve:
                        publicKey: "\(gateway.publicKey)"
                        secretKey: "\(gateway.secretKey)"
                    """)
            }
        }
    }
}
