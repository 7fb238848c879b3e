#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import ServiceLifecycle

/// Ends a process whose parent is gone: with `BAOXUE_PARENT_PID` set, checks `getppid()` every
/// 250 ms and returns once it differs (the parent died and the kernel handed this process to
/// init or a subreaper); its group then shuts down gracefully, as on SIGTERM.
///
/// Without it, a `baoxue up` killed with SIGKILL, or a test process that crashed, left its
/// registry and monitor running, holding their ports and files until someone noticed. Linux can
/// tie a child's life to its parent with `PR_SET_PDEATHSIG`, but only from the child between fork
/// and exec, which `Foundation.Process` does not let us reach, and the signal would skip the
/// graceful shutdown. The supervisor of `baoxue up` and the tests' `ChildProcess` set the
/// variable to their own pid; a service started by systemd, docker or a person has none and runs
/// until it is told to stop.
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

    /// Returns when the parent is gone, or at graceful shutdown; never throws.
    public func run() async throws {
        let parent = self.parent, interval = self.interval, currentParent = self.currentParent
        let orphaned = try await cancelWhenGracefulShutdown { () async -> Bool in
            while !Task.isCancelled {
                if currentParent() != parent { return true }
                try? await Task.sleep(for: interval)
            }
            return false
        }
        if orphaned {
            logger.notice("parent process is gone; shutting down", metadata: ["parent": "\(parent)"])
        }
    }

    /// This watch as a member of a group that it shuts down gracefully when it returns.
    public var groupMember: ServiceGroupConfiguration.ServiceConfiguration {
        ServiceGroupConfiguration.ServiceConfiguration(service: self, successTerminationBehavior: .gracefullyShutdownGroup)
    }
}
