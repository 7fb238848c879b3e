import Access
import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueService
import Foundation
import Logging
import ServiceLifecycle

/// `baoxue up`: every service as its own supervised process, plus the HTTP gateway in this one.
/// Ctrl-C stops everything cleanly. The services watch this process (``ParentWatch``): killed
/// with SIGKILL, it leaves none of them running. The data directory is owner-only and locked
/// (``DataDirectoryLock``): a second `up` on it refuses, naming the first one's pid, instead of
/// starting services that would crash on taken ports.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "up", abstract: "启动全部服务与HTTP网关 (start every service and the HTTP gateway)")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "载入一个演示县 (load a demo county)") var demo = false
    @Option(help: "演示县学生数 (students in the demo county)") var students: Int = 3_000
    @Option(help: "HTTP监听地址 HOST:PORT") var http: String?

    func run() async throws {
        let configuration = try await options.configuration()
        LogSetup.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "baoxue.gateway")
        let dataDirectory = options.dataDirectory(configuration)
        try PrivateFiles.prepare(directory: dataDirectory, logger: logger)
        let locks = try [DataDirectoryLock(directory: dataDirectory, holder: .up), DataDirectoryLock(directory: dataDirectory, holder: .gateway)]
        let access = try options.openStore(dataDirectory)
        // CURVE between the processes even on one host: keys made on first run, kept in the data
        // directory, handed to the registry through its environment.
        let keys = try CurveKeySet.loadOrCreate(dataDirectory: dataDirectory)
        let address = try options.httpAddress(http, configuration)
        let ports = configuration.ports
        // Services that cannot bind would only be restarted, again and again: say which port is
        // taken and what to do instead.
        if let taken = ports.taken(ServiceName.deployed).first { throw ServiceError.portInUse(taken) }
        if address.isTaken { throw address.inUse }
        /// Each service reads its own file beside the gateway's when `--config` names one.
        func childArguments(for service: ServiceName) -> [String] {
            var arguments = ["--port-base", String(ports.base), "--data", dataDirectory]
            if let configFile = options.configFile {
                arguments += ["--config", (configFile as NSString).deletingLastPathComponent + "/\(service).yaml"]
            }
            return arguments
        }
        // Every deployed service, those it follows first (starting order does not matter for
        // correctness, but the followers then catch up at once).
        let supervisor = ServiceSupervisor(
            children: ServiceName.deployed.map { service in
                ChildSpec(name: service.rawValue, executable: Executables.path(service.executable), arguments: childArguments(for: service), environment: keys.environment(of: service))
            },
            logs: URL(fileURLWithPath: dataDirectory).appendingPathComponent("logs"), logger: logger)
        let operations = Operations(clients: try await ServiceClients(ports: ports, keys: keys), access: access)
        let gateway = try GatewayApplication(operations: operations, configuration: configuration, dataDirectory: dataDirectory, address: address, logger: logger)
        let start = StartUp(supervisor: supervisor, operations: operations, demo: demo ? students : nil, address: address, dataDirectory: dataDirectory, options: options, logger: logger)
        try await ServiceGroup.process([start] + gateway.services, logger: logger).run()
        withExtendedLifetime(locks) {}
        print(options.say("已停止。", "Stopped."))
    }
}

/// Starts the services, waits for them, loads the demo, says what to try, and stops the services
/// on shutdown.
struct StartUp: Service {
    let supervisor: ServiceSupervisor
    let operations: Operations
    let demo: Int?
    let address: HTTPAddress
    let dataDirectory: String
    let options: GlobalOptions
    let logger: Logger

    func run() async throws {
        try await supervisor.start()
        do {
            try await waitForServices()
            if let demo {
                let county = DemoCounty.generate(students: demo, seed: 1, today: Timestamp.todayInChina())
                let outcome = try await DemoLoader.load(county, into: operations)
                print(outcome.text(options.language))
                let tokens = try DemoUsers.issue(for: county, store: operations.accessStore, dataDirectory: dataDirectory)
                print(options.say("演示账号（每个角色一个）的令牌已写入 \(tokens)（仅本人可读）", "Tokens of the demo users (one per role) are in \(tokens) (owner-only)"))
            } else if (try? operations.accessStore.users().isEmpty) ?? false {
                print(options.say(
                    "还没有用户。添加第一个：baoxue user add --name NAME --role county-admin --data \(dataDirectory)",
                    "No users yet. Add the first: baoxue user add --name NAME --role county-admin --data \(dataDirectory)"))
            }
            printWelcome()
            // Standard output to a file or pipe is block-buffered: push the hints out now.
            fflush(nil)
            try await gracefulShutdown()
        } catch {
            await supervisor.stop()
            throw error
        }
        await supervisor.stop()
    }

    private func waitForServices() async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let probes = await operations.services.status(actor: .system)
            if probes.allSatisfy({ $0.health != nil }) { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw CommandFailure(options.say("服务在60秒内未就绪，请查看 \(dataDirectory)/logs/", "services did not come up within 60 s; see \(dataDirectory)/logs/"), exitCode: 3)
    }

    private func printWelcome() {
        let base = "http://\(address)"
        let portFlag = (operations.clients.ports.base == PortPlan.defaultBase ? "" : " --port-base \(operations.clients.ports.base)") + (dataDirectory == "./data" ? "" : " --data \(dataDirectory)")
        let tokens = "\(dataDirectory)/\(DemoUsers.fileName)"
        // The commands name this executable as it was started (`.build/debug/baoxue` from
        // `make run`, the release build, or the installed one), so they can be pasted as shown.
        let baoxue = CommandLine.arguments.first.flatMap { $0.isEmpty ? nil : $0 } ?? "baoxue"
        print(options.say("""

            保学已启动：学籍服务、控辍监测服务、资助服务、关爱服务（各自独立进程）+ HTTP网关 \(base)
            日志：\(dataDirectory)/logs/    数据：\(dataDirectory)/
            试一试（另开一个终端）：
              curl -s \(base)/healthz
              . \(tokens)     # 演示账号令牌 (--demo)
              curl -s -H "Authorization: Bearer $BAOXUE_TOKEN" '\(base)/api/v1/students?limit=5'
              curl -s -H "Authorization: Bearer $BAOXUE_TOKEN_TOWNSHIP_STAFF" '\(base)/api/v1/schools'
              \(baoxue) services status\(portFlag)
              \(baoxue) student list --limit 10\(portFlag)
              \(baoxue) student list --status droppedOut\(portFlag)
              \(baoxue) school list\(portFlag)
              \(baoxue) alert list\(portFlag)
              \(baoxue) case list\(portFlag)
              \(baoxue) care gaps\(portFlag)
              \(baoxue) audit list\(portFlag)
            按 Ctrl-C 停止全部服务。
            """, """

            Baoxue is up: the registry, the monitor, student aid and care (each its own process) + the HTTP gateway at \(base)
            Logs: \(dataDirectory)/logs/    Data: \(dataDirectory)/
            Try (in another terminal):
              curl -s \(base)/healthz
              . \(tokens)     # 演示账号令牌 (--demo)
              curl -s -H "Authorization: Bearer $BAOXUE_TOKEN" '\(base)/api/v1/students?limit=5'
              curl -s -H "Authorization: Bearer $BAOXUE_TOKEN_TOWNSHIP_STAFF" '\(base)/api/v1/schools'
              \(baoxue) services status\(portFlag) --lang en
              \(baoxue) student list --limit 10\(portFlag) --lang en
              \(baoxue) school list\(portFlag) --lang en
              \(baoxue) alert list\(portFlag) --lang en
              \(baoxue) case list\(portFlag) --lang en
              \(baoxue) care gaps\(portFlag) --lang en
              \(baoxue) audit list\(portFlag) --lang en
            Ctrl-C stops everything.
            """))
    }
}
