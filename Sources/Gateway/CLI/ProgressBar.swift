import Foundation
import Synchronization

/// A progress line on standard error, drawn only when standard error is a terminal (scripts and
/// logs get no control characters).
public final class ProgressBar: Sendable {
    private let label: String
    private let enabled: Bool
    /// The percentage last drawn: the line is drawn again only when it moves, so a benchmark
    /// sending a thousand changes a second writes to the terminal a hundred times in all, not
    /// a thousand times a second on the cores it measures.
    private let drawn = Atomic<Int>(-1)

    public init(label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    public func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard drawn.exchange(percent, ordering: .relaxed) != percent || done >= total else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total) \(percent)%".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
