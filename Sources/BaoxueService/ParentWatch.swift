#if canImport(Glibc)
import Glibc
#endif
import CProcessControl
import Foundation
import Logging
import ServiceLifecycle

/// Ends a process whose parent is gone, at once: a service started by `baoxue up`, or any product
/// a test starts, dies with the process that started it.
///
/// With `BAOXUE_PARENT_PID` set, ``arm(environment:)`` (called first thing by ``ProcessStartup``)
/// asks Linux for SIGTERM when the parent dies (`PR_SET_PDEATHSIG`), which starts the same
/// graceful shutdown as an operator's SIGTERM, and then checks that `getppid()` is still that pid:
/// a parent that died between starting this process and the request would otherwise go unnoticed.
/// The request can only come from the child itself (`posix_spawn` cannot make it), and Linux ties
/// it to the *thread* that started the child, so every child is started from one thread that
/// lives as long as its process (``SpawningThread``).
///
/// As a second line, and where the kernel has no such signal, the watch in the service group
/// checks `getppid()` every 250 ms and returns once it differs (the kernel handed this process to
/// init or a subreaper); the group then shuts down gracefully.
///
/// Without it, a `baoxue up` killed with SIGKILL, or a test process that crashed, left its
/// registry and monitor running, holding their ports and files until someone noticed. The
/// supervisor of `baoxue up` and the tests' `ChildProcess` set the variable to their own pid; a
/// service started by systemd, docker or a person has none and runs until it is told to stop.
public struct ParentWatch: Service {
    public static let environmentKey = "BAOXUE_PARENT_PID"

    /// The pid this process's parent must keep having.
    public let parent: Int32
    let interval: Duration
    let currentParent: @Sendable () -> Int32
    let logger: Logger

    /// The watch the environment asks for, or nil when `BAOXUE_PARENT_PID` is unset or not a pid.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger) {
        guard let text = environment[Self.environmentKey], let parent = Int32(text), parent > 0 else { return nil }
        self.init(parent: parent, logger: logger)
    }

    /// - Parameters:
    ///   - currentParent: this process's parent now; tests pass their own.
    public init(parent: Int32, interval: Duration = .milliseconds(250), logger: Logger, currentParent: @escaping @Sendable () -> Int32 = { getppid() }) {
        self.parent = parent
        self.interval = interval
        self.logger = logger
        self.currentParent = currentParent
    }

    /// What ``arm(environment:)`` found.
    public enum Arming: Equatable, Sendable {
        /// No `BAOXUE_PARENT_PID`: nobody supervises this process.
        case unsupervised
        /// The kernel sends SIGTERM when the parent dies (or, where it cannot, the watch polls).
        case armed(parent: Int32)
        /// The parent died before the signal was asked for: this process should end now.
        case parentGone(parent: Int32)
    }

    /// Asks for SIGTERM at the death of the parent `BAOXUE_PARENT_PID` names, then closes the race
    /// with a parent that died before the request by comparing `getppid()` with it.
    public static func arm(environment: [String: String] = ProcessInfo.processInfo.environment) -> Arming {
        guard let text = environment[environmentKey], let parent = Int32(text), parent > 0 else { return .unsupervised }
        // Fails only where there is no such request (not Linux): the poll below still holds.
        _ = baoxue_set_parent_death_signal(SIGTERM)
        return getppid() == parent ? .armed(parent: parent) : .parentGone(parent: parent)
    }

    /// Returns when the parent is gone, or at graceful shutdown; never throws.
    public func run() async throws {
        let parent = self.parent, interval = self.interval, currentParent = self.currentParent
        let orphaned = await cancelWhenGracefulShutdown { () async -> Bool in
            while !Task.isCancelled {
                if currentParent() != parent { return true }
                try? await Task.sleep(for: interval)
            }
            return false
        }
        // Also when the kernel's SIGTERM for the parent's death started the shutdown. It comes as
        // the parent's spawning thread ends, a moment before this process is handed to init or a
        // subreaper, so look again for a short while before deciding it was an ordinary stop.
        var gone = orphaned
        for _ in 0..<10 where !gone {
            gone = currentParent() != parent
            if !gone { try? await Task.sleep(for: .milliseconds(20)) }
        }
        if gone {
            logger.notice("parent process is gone; shutting down", metadata: ["parent": "\(parent)"])
        }
    }

    /// This watch as a member of a group that it shuts down gracefully when it returns.
    public var groupMember: ServiceGroupConfiguration.ServiceConfiguration {
        ServiceGroupConfiguration.ServiceConfiguration(service: self, successTerminationBehavior: .gracefullyShutdownGroup)
    }
}
