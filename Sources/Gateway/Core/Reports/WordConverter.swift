import BaoxueContracts
import Foundation

/// Markdown to a Word document (`.docx`) for the office, by Debian's `pandoc` (installed by
/// `make`): a real converter rather than a hand-made zip, so headings, bold and lists come out as
/// Word styles a clerk can edit. Runs as a child process with the Markdown on standard input and
/// the document on standard output, nothing written to disk.
enum WordConverter {
    /// The converter's path: `BAOXUE_PANDOC`, else `pandoc` on the `PATH`.
    static var executable: String? {
        if let path = ProcessInfo.processInfo.environment["BAOXUE_PANDOC"], !path.isEmpty { return path }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/pandoc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// - Throws: `report.converterFailed` when pandoc is missing or fails, with what to do.
    static func docx(markdown: String) async throws -> Data {
        guard let executable else {
            throw ServiceError(.reportConverterFailed, "无法生成Word文档：未安装pandoc（apt-get install pandoc，或运行 make）；可先下载Markdown版本 (cannot write the Word document: pandoc is not installed (apt-get install pandoc, or run make); the Markdown version is available)")
        }
        // The pipes and the wait block a thread: on Dispatch's own, never on the cooperative pool
        // the gateway's requests run on (two threads on two cores).
        let (status, data, stderr) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int32, Data, Data), any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(executable, markdown: markdown) })
            }
        }
        guard status == 0, !data.isEmpty else {
            let reason = String(decoding: stderr.prefix(500), as: UTF8.self)
            throw ServiceError(.reportConverterFailed, "pandoc未能生成Word文档（退出码\(status)）：\(reason) (pandoc could not write the Word document, exit \(status): \(reason))")
        }
        return data
    }

    /// Runs pandoc to the end: its exit status, the document, what it said on standard error.
    /// Standard error is read on a thread of its own while standard output is read here, so a
    /// large document cannot fill one pipe and stall the child.
    private static func run(_ executable: String, markdown: String) throws -> (Int32, Data, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--from", "markdown-smart", "--to", "docx", "--output", "-"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let complaint = DispatchGroup()
        nonisolated(unsafe) var stderr = Data()
        DispatchQueue.global().async(group: complaint) { stderr = errors.fileHandleForReading.readDataToEndOfFile() }
        let writer = DispatchGroup()
        DispatchQueue.global().async(group: writer) {
            try? input.fileHandleForWriting.write(contentsOf: Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        writer.wait()
        complaint.wait()
        process.waitUntilExit()
        return (process.terminationStatus, data, stderr)
    }
}
