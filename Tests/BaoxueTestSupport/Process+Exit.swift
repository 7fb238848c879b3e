import Foundation

extension Process {
    /// Waits until the process has exited, polling with `Task.sleep`, for at most `within`;
    /// whether it exited. Never `waitUntilExit()`: that blocks a thread of Swift's cooperative
    /// pool, and on a 2-core machine a few blocked threads stalled every other test for seconds.
    func exited(within: Duration) async -> Bool {
        // Cancelled, the wait ends early and says what is true now.
        (try? await eventually(within: within, every: .milliseconds(10)) { !isRunning }) ?? !isRunning
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
