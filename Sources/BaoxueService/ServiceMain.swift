import BaoxueContracts
import Foundation
import Logging
import ServiceLifecycle
import ZeroMQ

/// What every service executable does, so each `main.swift` is only its wiring: read the flags
/// (`--config FILE`, `--port-base N`, `--data DIR`, `--requests EP`, `--events EP`, `--help`),
/// load `config/<service>.yaml` with the environment over it and the flags over both, bootstrap
/// logging, build the service and run it until SIGTERM or SIGINT (or until the parent named by
/// `BAOXUE_PARENT_PID` is gone: ``ParentWatch``). Once bound, the endpoints go to the file named by
/// `BAOXUE_READY_FILE` (``ReadyFile``). Bad arguments exit 2, a failed start exits 1 with the
/// reason on standard error.
///
/// Before anything opens a file the process restricts its file mode (``ProcessStartup``); the data
/// directory is made owner-only (``PrivateFiles``) and locked for this service
/// (``DataDirectoryLock``), so a second copy of it on the same files refuses to start, naming the
/// first, and `baoxue restore` can tell it runs.
public enum ServiceMain {
    /// - Parameters:
    ///   - service: which service; also the configuration prefix and log label.
    ///   - title: one line for `--help`, e.g. `学籍服务 (the student registry service)`.
    ///   - build: assembles the service from its configuration.
    public static func run(
        _ service: ServiceName, title: String,
        build: (ServiceConfiguration, Logger) async throws -> any ServiceApplication
    ) async -> Never {
        let executable = service.executable
        ProcessStartup.begin(executable)
        let arguments = CommandLineFlags(CommandLine.arguments.dropFirst())
        if !arguments.unknown.isEmpty {
            FileHandle.standardError.write(Data("\(executable): unknown or incomplete arguments: \(arguments.unknown.joined(separator: " ")); see --help\n".utf8))
            exit(2)
        }
        if arguments.wantsHelp {
            let prefix = service.rawValue.uppercased()
            print("""
                \(executable): \(title)
                usage: \(executable) [--config FILE] [--port-base N] [--data DIR] [--requests ENDPOINT] [--events ENDPOINT]
                Reads config/\(service).yaml (or --config, or $BAOXUE_CONFIG_DIR/\(service).yaml); env vars override it
                (\(prefix)_DATA, \(prefix)_REQUESTS, \(prefix)_EVENTS, PORTS_BASE, LOG_LEVEL); flags override both.
                """)
            exit(0)
        }
        do {
            let configuration = try await ServiceConfiguration(service: service.rawValue, configFile: arguments.value("--config"), overrides: arguments.overrides(service: service.rawValue))
            LogSetup.bootstrap(level: configuration.logLevel)
            let logger = Logger(label: "baoxue.\(service)")
            try PrivateFiles.prepare(directory: configuration.dataDirectory, logger: logger)
            let lock = try DataDirectoryLock(directory: configuration.dataDirectory, holder: .service(service))
            let application = try await build(configuration, logger)
            // Bound by now: say where, for a starter that asked for port `*` (a test).
            try ReadyFile.write(["requests": application.kit.server?.endpoint ?? "", "events": await application.kit.publisher.endpoint])
            try await ServiceGroup.process(application.services, logger: logger).run()
            application.kit.shutdown()
            withExtendedLifetime(lock) {}
            exit(0)
        } catch {
            // A taken port says which and what to do, not only libzmq's "Address already in use".
            let shown: any Error = if let bind = error as? ZMQError, ZMQError.addressInUse ~= bind { ServiceError.portInUse(bind) } else { error }
            FileHandle.standardError.write(Data("\(executable): \(shown)\n".utf8))
            exit(1)
        }
    }
}
