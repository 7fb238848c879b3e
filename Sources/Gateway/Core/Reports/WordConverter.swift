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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--from", "markdown-smart", "--to", "docx", "--output", "-"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while writing, so a large document cannot fill one and stall the child.
        async let document = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
        async let complaint = Task.detached { errors.fileHandleForReading.readDataToEndOfFile() }.value
        try input.fileHandleForWriting.write(contentsOf: Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let (data, stderr) = await (document, complaint)
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else {
            let reason = String(decoding: stderr.prefix(500), as: UTF8.self)
            throw ServiceError(.reportConverterFailed, "pandoc未能生成Word文档（退出码\(process.terminationStatus)）：\(reason) (pandoc could not write the Word document, exit \(process.terminationStatus): \(reason))")
        }
        return data
    }
}
