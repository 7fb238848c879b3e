import Foundation

/// A command's `--out` file: written whole or not at all (`.atomic`), and a failure says which
/// file and why, in the command's language. One place for every command that saves a report.
enum OutputFile {
    static func write(_ path: String, options: GlobalOptions, _ data: () throws -> Data) throws {
        do {
            try data().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(options.say("无法写入\(path)：\(error.localizedDescription)", "cannot write \(path): \(error.localizedDescription)"))
        }
    }
}
