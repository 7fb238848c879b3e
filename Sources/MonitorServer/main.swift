import BaoxueService
import Foundation
import Logging
import Monitoring
import ServiceLifecycle

// baoxue-monitor: wiring only. Flags: --config FILE, --port-base N, --data DIR, --requests EP,
// --events EP. Everything else comes from config/monitor.yaml and the environment.
let arguments = CommandLineFlags(CommandLine.arguments.dropFirst())
if !arguments.unknown.isEmpty {
    FileHandle.standardError.write(Data("baoxue-monitor: unknown or incomplete arguments: \(arguments.unknown.joined(separator: " ")); see --help\n".utf8))
    exit(2)
}
if arguments.wantsHelp {
    print("""
        baoxue-monitor: 控辍监测服务 (the dropout monitoring service)
        usage: baoxue-monitor [--config FILE] [--port-base N] [--data DIR] [--requests ENDPOINT] [--events ENDPOINT]
        Reads config/monitor.yaml (or --config, or $BAOXUE_CONFIG_DIR/monitor.yaml); env vars override it
        (MONITOR_DATA, MONITOR_REQUESTS, MONITOR_EVENTS, PORTS_BASE, LOG_LEVEL); flags override both.
        """)
    exit(0)
}
do {
    let configuration = try await ServiceConfiguration(service: "monitor", configFile: arguments.value("--config"), overrides: arguments.overrides(service: "monitor"))
    LogSetup.bootstrap(level: configuration.logLevel)
    let logger = Logger(label: "baoxue.monitor")
    let application = try await MonitorApplication(configuration: configuration, logger: logger)
    let group = ServiceGroup(services: application.services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    try await group.run()
    application.loop.shutdown()
} catch {
    FileHandle.standardError.write(Data("baoxue-monitor: \(error)\n".utf8))
    exit(1)
}
