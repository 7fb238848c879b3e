import ArgumentParser
import BaoxueContracts
import Foundation

/// `baoxue restore --from DIR`: puts a backup back into the data directory
/// (``InstallationRestore``), once everything on it is stopped.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "从备份恢复（须先停止全部服务）(restore a backup; everything must be stopped first)",
        discussion: "先核对 manifest.json 中每个文件的大小与 SHA-256，不符则拒绝；数据目录上还有 baoxue up、网关或服务在运行时拒绝，并指出进程号。恢复后启动即可：各订阅者自行追上。 (checks each file's size and SHA-256 against manifest.json first and refuses on any difference; refuses while baoxue up, the gateway or a service runs on the data directory, naming its pid. Start again afterwards: every subscriber catches up by itself.)")
    @OptionGroup var options: GlobalOptions
    @Option(help: "baoxue backup 写的目录 (a directory baoxue backup wrote)") var from: String

    func run() async throws {
        let configuration = try await options.configuration()
        let dataDirectory = options.dataDirectory(configuration)
        let manifest = try InstallationRestore.restore(from: from, into: dataDirectory)
        try options.emit(manifest) {
            BackupCommand.table(manifest, options: options) + "\n" + options.say(
                "已把 \(manifest.createdAt) 的备份恢复到 \(dataDirectory)。现在可以启动：baoxue up --data \(dataDirectory)",
                "Restored the backup of \(manifest.createdAt) into \(dataDirectory). Start again with: baoxue up --data \(dataDirectory)")
        }
    }
}
