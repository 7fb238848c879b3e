/// Polls `condition` until it holds or `within` has passed, and says whether it held: effects
/// that happen asynchronously (a follower applying events, a process starting, a webhook
/// arriving) are waited for, never timed. Use it under `#expect` when the test can go on, under
/// `#require` when it cannot:
/// ```swift
/// #expect(try await eventually { receiver.received.count == 3 })
/// try #require(await eventually { watcher.output.contains("…") }, "three alerts before the restart")
/// ```
/// The deadline is generous (two minutes) because only a stuck system reaches it: on a loaded
/// 2-core CI machine a healthy one can take seconds, and a deadline is not a timing assertion.
public func eventually(
    within: Duration = .seconds(120), every interval: Duration = .milliseconds(20),
    _ condition: () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + within
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: interval)
    }
    return try await condition()
}
