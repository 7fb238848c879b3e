#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// A child process started with `posix_spawn`: what the supervisor of `baoxue up`, the benches and
/// the tests start the services and commands with.
///
/// Not `Foundation.Process`: on Linux its `run()` lists `/proc/self/fd` copying 256 bytes of each
/// directory entry, which reads past glibc's buffer now and then and crashes the parent
/// (swift-corelibs-foundation PR #5472, not in Swift 6.3.1). It took down a test run here, and a
/// supervisor whose job is to restart services must not crash while doing it.
///
/// The child gets `/dev/null` as standard input, its output in files (or `/dev/null`), no other
/// descriptor of the parent (`closefrom(3)`), every signal at its default and none blocked (a
/// parent that ignores SIGINT for its own signal handling does not pass that on), and a process
/// group of its own, so a terminal's Ctrl-C reaches the parent, which stops its children in
/// order. Every child is started from one long-lived thread (``SpawningThread``), so a child that
/// asks to die with its parent (``ParentWatch``) is not stopped when a worker thread ends.
public final class SpawnedProcess: Sendable {
    public let pid: pid_t
    /// The raw wait status once the child has been reaped.
    private let reaped = Mutex<Int32?>(nil)

    public struct SpawnError: Error, CustomStringConvertible {
        public var executable: String
        public var code: Int32
        public var description: String { "could not start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Starts `executable` (an absolute path) with `arguments` and exactly `environment`.
    /// - Parameters:
    ///   - output: the file standard output goes to (created, 0600); nil for `/dev/null`.
    ///   - error: the file standard error goes to; the same path as `output` shares it.
    ///   - append: append to the files (a service's log across restarts) rather than truncate.
    public init(executable: String, arguments: [String], environment: [String: String], output: String?, error: String?, append: Bool = false) throws {
        // From the one long-lived spawning thread: a child's parent-death signal follows the
        // thread that started it (``SpawningThread``).
        let (pid, code) = SpawningThread.shared.run {
            Self.spawn(executable: executable, arguments: arguments, environment: environment, output: output, error: error, append: append)
        }
        guard code == 0 else { throw SpawnError(executable: executable, code: code) }
        self.pid = pid
    }

    /// `posix_spawn` with the file actions and attributes described above; the pid and 0, or the
    /// error number.
    private static func spawn(executable: String, arguments: [String], environment: [String: String], output: String?, error: String?, append: Bool) -> (pid_t, Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // No O_CLOEXEC: the file is opened at descriptor 1 or 2 itself, which must survive exec.
        let mode = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", output == nil ? O_WRONLY : mode, 0o600)
        if let error, error == output {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, error ?? "/dev/null", error == nil ? O_WRONLY : mode, 0o600)
        }
        _ = closeFrom?(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = cStrings([executable] + arguments)
        let envp = cStrings(environment.map { "\($0.key)=\($0.value)" })
        defer {
            for pointer in argv where pointer != nil { free(pointer) }
            for pointer in envp where pointer != nil { free(pointer) }
        }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        return (pid, code)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not declare: looked up once by name. Without it (an older glibc) the child
    /// inherits only descriptors opened without close-on-exec; SQLite, libzmq and SwiftNIO set it
    /// on theirs.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
    }()

    private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) } + [nil]
    }

    /// Reaps the child if it has exited, without blocking; its raw wait status once it has.
    private func poll() -> Int32? {
        reaped.withLock { saved in
            if let saved { return saved }
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                saved = raw
            } else if result == -1, errno == ECHILD {
                saved = 0x7f00  // reaped by someone else: gone, status unknown
            }
            return saved
        }
    }

    public var isRunning: Bool { poll() == nil }

    /// The exit code, or the number of the signal that ended it (as `Foundation.Process` says);
    /// nil while it runs.
    public var terminationStatus: Int32? {
        poll().map { raw in raw & 0x7f == 0 ? (raw >> 8) & 0xff : raw & 0x7f }
    }

    /// Sends `signal`, unless the child has been reaped (its pid may belong to another process).
    public func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits, without blocking a thread, until the child exits; answers ``terminationStatus``.
    @discardableResult
    public func exit() async -> Int32 {
        while true {
            if let status = terminationStatus { return status }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Whether the child exits within `within` (a cancelled wait says what is true now).
    public func exited(within: Duration) async -> Bool {
        let deadline = ContinuousClock.now + within
        while isRunning {
            guard ContinuousClock.now < deadline, !Task.isCancelled else { return !isRunning }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// SIGTERM, `grace` to stop on its own, then SIGKILL; returns once it has exited.
    public func stop(grace: Duration) async {
        guard isRunning else { return }
        send(SIGTERM)
        if await exited(within: grace) { return }
        send(SIGKILL)
        _ = await exited(within: .seconds(30))
    }

    /// Waits for the child, blocking this thread: for a short command run from synchronous code.
    @discardableResult
    public func waitBlocking() -> Int32 {
        while true {
            if let status = terminationStatus { return status }
            usleep(5_000)
        }
    }

    /// SIGTERM and a blocking wait: for a `defer` in a command that ends (a bench), where no
    /// await is possible.
    public func stopBlocking(grace: Duration = .seconds(10)) {
        guard isRunning else { return }
        send(SIGTERM)
        let deadline = ContinuousClock.now + grace
        while isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        send(SIGKILL)
        while isRunning { usleep(10_000) }
    }
}
