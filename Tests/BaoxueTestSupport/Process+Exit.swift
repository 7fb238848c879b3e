import Foundation

extension Process {
    /// Waits until the process has exited, polling with `Task.sleep`, for at most `within`;
    /// whether it exited. Never `waitUntilExit()`: that blocks a thread of Swift's cooperative
    /// pool, and on a 2-core machine a few blocked threads stalled every other test for seconds.
    func exited(within: Duration) async -> Bool {
        let deadline = ContinuousClock.now + within
        while isRunning {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// SIGTERM, `grace` to stop on its own, then SIGKILL; returns once it has exited.
    func stop(grace: Duration) async {
        guard isRunning else { return }
        kill(processIdentifier, SIGTERM)
        if await exited(within: grace) { return }
        kill(processIdentifier, SIGKILL)
        _ = await exited(within: .seconds(30))
    }
}
