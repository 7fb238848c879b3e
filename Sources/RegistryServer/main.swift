import BaoxueService
import Foundation
import Logging
import Registry
import ServiceLifecycle

// baoxue-registry: wiring only. Flags: --config FILE, --port-base N, --data DIR, --requests EP,
// --events EP. Everything else comes from config/registry.yaml and the environment.
let arguments = CommandLineFlags(CommandLine.arguments.dropFirst())
if !arguments.unknown.isEmpty {
    FileHandle.standardError.write(Data("baoxue-registry: unknown or incomplete arguments: \(arguments.unknown.joined(separator: " ")); see --help\n".utf8))
    exit(2)
}
if arguments.wantsHelp {
    print("""
        baoxue-registry: 学籍服务 (the student registry service)
        usage: baoxue-registry [--config FILE] [--port-base N] [--data DIR] [--requests ENDPOINT] [--events ENDPOINT]
        Reads config/registry.yaml (or --config, or $BAOXUE_CONFIG_DIR/registry.yaml); env vars override it
        (REGISTRY_DATA, REGISTRY_REQUESTS, REGISTRY_EVENTS, PORTS_BASE, LOG_LEVEL); flags override both.
        """)
    exit(0)
}
do {
    let configuration = try await ServiceConfiguration(service: "registry", configFile: arguments.value("--config"), overrides: arguments.overrides(service: "registry"))
    LogSetup.bootstrap(level: configuration.logLevel)
    let logger = Logger(label: "baoxue.registry")
    let application = try await RegistryApplication(configuration: configuration, logger: logger)
    let group = ServiceGroup(services: application.services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    try await group.run()
    application.loop.shutdown()
} catch {
    FileHandle.standardError.write(Data("baoxue-registry: \(error)\n".utf8))
    exit(1)
}
