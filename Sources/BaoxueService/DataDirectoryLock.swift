#if canImport(Glibc)
import Glibc
#endif
import BaoxueContracts
import Foundation

/// An exclusive lock on `<data>/<holder>.lock`, held for the life of the process that took it:
/// `up.lock` by `baoxue up`, `gateway.lock` by the gateway (`up` or `serve`), `registry.lock` and
/// the like by each service executable. `baoxue restore` takes them all, so it never writes under
/// a running process.
///
/// `flock(2)`, so the kernel releases it when the holder exits however it exits (SIGKILL, a
/// crash): a stale lock file never blocks a start. The file holds the holder's pid, for the
/// message that names it. The descriptor is closed on exec, so children never inherit the lock.
public final class DataDirectoryLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// What holds a lock: `baoxue up`, the gateway, or a service.
    public enum Holder: Sendable, Hashable, CustomStringConvertible {
        case up
        case gateway
        case service(ServiceName)

        /// Every holder of an installation, the order `baoxue restore` takes them in.
        public static var all: [Holder] { [.up, .gateway] + ServiceName.deployed.map(Holder.service) }

        public var description: String {
            switch self {
            case .up: "up"
            case .gateway: "gateway"
            case .service(let name): name.rawValue
            }
        }

        /// How the holder is named to a person: `baoxue up`, `baoxue serve`, `baoxue-registry`.
        var program: String {
            switch self {
            case .up: "baoxue up"
            case .gateway: "baoxue serve"
            case .service(let name): name.executable
            }
        }
    }

    /// Takes `holder`'s lock in `directory` (made owner-only if new), or says who has it.
    /// - Throws: `installation.running` with the holder's pid and what to do, when another process
    ///   holds the lock; `installation.lockFailed` when the lock file cannot be opened.
    public init(directory: String, holder: Holder) throws(ServiceError) {
        path = URL(fileURLWithPath: directory).appendingPathComponent("\(holder).lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ServiceError(.installationLockFailed, Bilingual(
                zh: "无法打开锁文件 \(path)：\(reason)。请检查数据目录是否存在且可写", en: "cannot open the lock file \(path): \(reason); check that the data directory exists and is writable"
            ).text)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let pid = Self.pid(in: descriptor)
            close(descriptor)
            throw Self.running(holder, pid: pid, directory: directory)
        }
        ftruncate(descriptor, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        self.descriptor = descriptor
    }

    /// The refusal for a lock another process holds: which program, its pid, and what to do.
    static func running(_ holder: Holder, pid: Int32?, directory: String) -> ServiceError {
        let who = pid.map { "（进程 \($0)）" } ?? ""
        let whoEnglish = pid.map { " (pid \($0))" } ?? ""
        let stop = pid.map { "kill -TERM \($0)" } ?? "kill -TERM <pid>"
        let unit = if case .service(let name) = holder { "systemctl stop \(name.executable)" } else { "systemctl stop baoxue-gateway" }
        let code = ErrorCode.installationRunning
        return ServiceError(code, Bilingual(
            zh: "数据目录 \(directory) 已有 \(holder.program) 在运行\(who)。请先停止它（在其终端按 Ctrl-C，或 \(stop)；systemd 部署用 \(unit)），或用 --data 指定另一个数据目录。错误码 \(code)",
            en: "\(holder.program) is already running on the data directory \(directory)\(whoEnglish). Stop it first (Ctrl-C in its terminal, or \(stop); under systemd, \(unit)), or name another data directory with --data. Error code \(code)"
        ).text)
    }

    /// The pid a lock file holds, if it holds one.
    private static func pid(in descriptor: Int32) -> Int32? {
        var buffer = [CChar](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, 31, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    deinit {
        // Closing the descriptor releases the lock; the file stays, so the next holder's pid
        // replaces this one in place and the directory never loses its lock file in between.
        close(descriptor)
    }
}
