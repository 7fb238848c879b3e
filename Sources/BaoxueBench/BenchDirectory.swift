import ArgumentParser
import Foundation
import Gateway

/// Where a bench keeps its databases while it runs: a fresh directory under the system's
/// temporary one, removed at the end, or kept with `--keep` so the databases can be opened with
/// `sqlite3` to see where the time went (how the subsidy batch's statements were tuned).
struct BenchDirectory: ParsableArguments {
    @Flag(help: "保留工作目录（数据库）以便分析 (keep the working directory, with the databases, for analysis)") var keep = false

    /// Creates `baoxue-bench-<name>-<pid>`.
    func make(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-bench-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes the directory, or says where it was kept.
    func finish(_ url: URL, _ options: GlobalOptions) {
        if keep {
            options.progress("工作目录保留在 \(url.path)", "working directory kept at \(url.path)")
        } else {
            // A service that has just exited, or a database closing in this process, can leave
            // a file behind the first pass (its -shm); a few passes leave nothing.
            for _ in 0..<5 where FileManager.default.fileExists(atPath: url.path) {
                try? FileManager.default.removeItem(at: url)
                if FileManager.default.fileExists(atPath: url.path) { usleep(200_000) }
            }
        }
    }
}
