import ArgumentParser
import BaoxueService
import Foundation
import Logging
import ServiceLifecycle

/// `baoxue serve`: the HTTP gateway alone, for a host where the services run elsewhere or under
/// systemd. With `--http HOST:0` it takes any free port and says which, on standard output and
/// in the file named by `BAOXUE_READY_FILE`; with `BAOXUE_PARENT_PID` it stops when that parent is
/// gone (``ParentWatch``).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "只启动HTTP网关 (serve HTTP only; services run elsewhere)")
    @OptionGroup var options: GlobalOptions
    @Option(help: "HTTP监听地址 HOST:PORT (default gateway.http or 127.0.0.1:8080)") var http: String?

    func run() async throws {
        let configuration = try await options.configuration()
        LogSetup.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "baoxue.gateway")
        let address = try options.httpAddress(http, configuration)
        if address.isTaken { throw address.inUse }
        let options = self.options
        // Owner-only and locked: one gateway per data directory, or two would deliver every
        // webhook twice.
        let dataDirectory = options.dataDirectory(configuration)
        try PrivateFiles.prepare(directory: dataDirectory, logger: logger)
        let lock = try DataDirectoryLock(directory: dataDirectory, holder: .gateway)
        let gateway = try GatewayApplication(
            operations: try await options.operations(), configuration: configuration, dataDirectory: dataDirectory, address: address, logger: logger
        ) { bound in
            print(options.say("网关已在 http://\(bound) 提供服务，按 Ctrl-C 停止", "Gateway serving on http://\(bound); Ctrl-C stops it"))
            fflush(nil)
            do {
                try ReadyFile.write(["http": bound.description])
            } catch {
                logger.error("cannot write the ready file", metadata: ["error": "\(error)"])
            }
        }
        try await ServiceGroup.process(gateway.services, logger: logger).run()
        withExtendedLifetime(lock) {}
    }
}
