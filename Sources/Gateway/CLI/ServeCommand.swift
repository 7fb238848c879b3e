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
        let address = try options.httpAddress(http, configuration)
        let gateway = try GatewayApplication(
            operations: try await options.operations(), configuration: configuration, dataDirectory: options.dataDirectory(configuration), address: address, logger: logger)
        print(options.say("网关已在 http://\(address) 提供服务，按 Ctrl-C 停止", "Gateway serving on http://\(address); Ctrl-C stops it"))
        try await ServiceGroup(services: gateway.services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
    }
}
