import Access
import BaoxueContracts
import BaoxueService
import Foundation
import Gateway

/// The services a benchmark measures: the real executables on free ports over one data
/// directory, and the gateway's core in the benchmark's own process, as every `bench` command
/// needs them. Stopped with ``stop()`` (or by ``ParentWatch`` if the benchmark dies).
final class BenchDeployment: Sendable {
    let ports: PortPlan
    let data: URL
    let operations: Operations
    let access: AccessStore
    private let processes: [(ServiceName, SpawnedProcess)]

    private init(ports: PortPlan, data: URL, operations: Operations, access: AccessStore, processes: [(ServiceName, SpawnedProcess)]) {
        self.ports = ports
        self.data = data
        self.operations = operations
        self.access = access
        self.processes = processes
    }

    /// Starts `services` with their databases under `work/data`.
    static func start(_ services: [ServiceName], in work: URL) async throws -> BenchDeployment {
        let base = FreePorts.base(count: PortPlan.width)
        let data = work.appendingPathComponent("data")
        var processes: [(ServiceName, SpawnedProcess)] = []
        do {
            for service in services {
                processes.append((service, try ServiceChild.start("baoxue-\(service.rawValue)", ["--port-base", String(base), "--data", data.path])))
            }
            let ports = PortPlan(base: base)
            let access = try AccessStore(dataDirectory: data.path)
            let operations = Operations(clients: try await ServiceClients(ports: ports), access: access)
            return BenchDeployment(ports: ports, data: data, operations: operations, access: access, processes: processes)
        } catch {
            for (_, process) in processes { process.stopBlocking() }
            throw error
        }
    }

    func stop() {
        for (_, process) in processes { process.stopBlocking() }
    }

    /// The service's resident memory now and at its peak (`VmRSS`, `VmHWM`), in bytes.
    func memory(_ service: ServiceName) -> (resident: Int, peak: Int)? {
        guard let process = processes.first(where: { $0.0 == service })?.1 else { return nil }
        return Self.memory(pid: process.pid)
    }

    /// A service's CPU time so far (user and system), in seconds.
    func cpuSeconds(_ service: ServiceName) -> Double? {
        guard let process = processes.first(where: { $0.0 == service })?.1 else { return nil }
        return ProcessQuiet.cpuSeconds(process.pid)
    }

    /// The services' process ids and this one's, for ``ProcessQuiet``.
    var pids: [pid_t] { processes.map(\.1.pid) + [getpid()] }

    /// This process's resident memory now and at its peak, in bytes.
    static func ownMemory() -> (resident: Int, peak: Int)? { memory(pid: getpid()) }

    static func memory(pid: pid_t) -> (resident: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func kilobytes(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        guard let resident = kilobytes("VmRSS"), let peak = kilobytes("VmHWM") else { return nil }
        return (resident * 1024, peak * 1024)
    }

    /// The size of a service's database (the file with its -wal), in bytes.
    func databaseBytes(_ service: ServiceName) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            let path = data.appendingPathComponent("\(service.rawValue).sqlite\(suffix)").path
            return total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
    }
}
