import ArgumentParser
import BaoxueContracts
import Foundation

/// `baoxue backup --to DIR`: a consistent copy of the data directory's databases, keys and users
/// while the installation runs (``InstallationBackup``). A host operation, like `up` and `keys`:
/// it reads and writes the host's files, so it has no HTTP face.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "在线备份全部数据库、密钥与用户 (back up every database, the keys and the users while running)",
        discussion: "每个数据库用 SQLite 在线备份各自取一致快照；目录 0700、文件 0600；manifest.json 记录版本、时间、每个文件的大小与 SHA-256。用 baoxue restore --from DIR 恢复。 (each database is a consistent snapshot by SQLite's online backup; the directory is 0700, the files 0600; manifest.json lists versions, the time, and each file's size and SHA-256. Restore with baoxue restore --from DIR.)")
    @OptionGroup var options: GlobalOptions
    @Option(help: "备份写到这个新目录 (write the backup to this new directory)") var to: String

    func run() async throws {
        let configuration = try await options.configuration()
        let manifest = try InstallationBackup.take(dataDirectory: options.dataDirectory(configuration), to: to)
        try options.emit(manifest) {
            BackupCommand.table(manifest, options: options) + "\n" + options.say(
                "已备份到 \(to)（保学 \(manifest.baoxueVersion)，\(manifest.createdAt)）。恢复：baoxue restore --from \(to)",
                "Backed up to \(to) (Baoxue \(manifest.baoxueVersion), \(manifest.createdAt)). Restore with: baoxue restore --from \(to)")
        }
    }

    /// The files of a manifest, one a row.
    static func table(_ manifest: BackupManifest, options: GlobalOptions) -> String {
        var table = TextTable(headers: [options.say("文件", "file"), options.say("类别", "kind"), options.say("字节", "bytes"), "SHA-256", options.say("结构版本", "schema")])
        table.rows = manifest.files.map { [$0.path, $0.kind.rawValue, String($0.bytes), String($0.sha256.prefix(16)) + "…", $0.migration ?? ""] }
        return table.rendered
    }
}
