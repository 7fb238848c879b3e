import ArgumentParser
import BaoxueService
import Logging
import ServiceLifecycle

/// `baoxue serve`: the HTTP gateway alone, for a host where the services run elsewhere or under
/// systemd.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "只启动HTTP网关 (serve HTTP only; services run elsewhere)")
    @OptionGroup var options: GlobalOptions
    @Option(help: "HTTP监听地址 HOST:PORT (default gateway.http or 127.0.0.1:8080)") var http: String?

    func run() async throws {
        let configuration = try await options.configuration()
        LogSetup.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "baoxue.gateway")
        guard let address = HTTPAddress(http ?? configuration.reader.string(forKey: "gateway.http", default: "127.0.0.1:8080")) else {
            throw CommandFailure(options.say("--http 应为 HOST:PORT", "--http must be HOST:PORT"), exitCode: 2)
        }
        let operations = try await options.operations()
        let (alerts, follower) = try GatewayServer.alertFollower(operations: operations, configuration: configuration, dataDirectory: options.dataDirectory(configuration), logger: logger)
        let app = GatewayServer.application(operations: operations, address: address, logger: logger, alerts: alerts)
        let delivery = try GatewayServer.deliveryServices(hub: alerts, operations: operations, configuration: configuration, logger: logger)
        print(options.say("网关已在 http://\(address) 提供服务，按 Ctrl-C 停止", "Gateway serving on http://\(address); Ctrl-C stops it"))
        try await ServiceGroup(services: [app, EventSubscriberService(follower.subscriber)] + delivery, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
    }
}
