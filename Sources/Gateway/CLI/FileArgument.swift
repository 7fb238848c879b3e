import Foundation

/// Reads a file named on the command line, refusing what is not a readable regular file of a
/// sane size (a directory, a FIFO, a device such as `/dev/zero` that would never end), with a
/// message that says which file and why.
enum FileArgument {
    static let maximumBytes = 512 * 1024 * 1024

    static func read(_ path: String, options: GlobalOptions) throws -> Data {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw CommandFailure(options.say("文件不存在或无法访问：\(path)", "no such file, or not accessible: \(path)"))
        }
        let type = attributes[.type] as? FileAttributeType
        guard type != .typeDirectory else {
            throw CommandFailure(options.say("\(path) 是目录，请给出CSV文件", "\(path) is a directory; give a CSV file"))
        }
        guard type == .typeRegular else {
            throw CommandFailure(options.say("\(path) 不是普通文件（设备、管道或套接字），请给出CSV文件", "\(path) is not a regular file (a device, pipe or socket); give a CSV file"))
        }
        let size = (attributes[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            throw CommandFailure(options.say("文件过大（\(size / 1_048_576) MB），上限512 MB", "file too large (\(size / 1_048_576) MB); the limit is 512 MB"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(options.say("无法读取文件：\(path)", "cannot read \(path)"))
        }
        return data
    }
}
