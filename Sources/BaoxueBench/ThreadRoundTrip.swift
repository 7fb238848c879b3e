/// The host's cost of waking a thread: two threads of one process waking each other in turn
/// through pipes, measured by `bench alerts` in the same run as the pipeline. Every hand-off in
/// the pipeline (a ZeroMQ I/O thread to the socket loop, the loop to a task, a commit to the
/// publisher) is such a wake-up; on a virtual machine whose idle cores halt, waking a thread on
/// the other core costs several times what it does on the same core (docs/performance.md).
struct ThreadRoundTrip: Codable {
    /// CPU of both threads for one round trip (two wake-ups), microseconds.
    var cpuMicroseconds: Double
    /// Elapsed time of one round trip, microseconds.
    var wallMicroseconds: Double
}
