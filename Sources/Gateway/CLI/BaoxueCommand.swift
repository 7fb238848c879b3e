import ArgumentParser
import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation

/// `baoxue`: the county operators' command line, as the gateway's library has it. The `baoxue`
/// executable runs a root of its own, ``configuration(adding:)`` with the benchmarks besides.
public struct BaoxueCommand: AsyncParsableCommand {
    public static let configuration = configuration(adding: [])

    /// The root command's configuration: the gateway's commands, `extra` after `demo` (where
    /// `bench` always was in the help).
    public static func configuration(adding extra: [any ParsableCommand.Type]) -> CommandConfiguration {
        CommandConfiguration(
            commandName: "baoxue",
            abstract: "保学：控辍保学平台 (Baoxue: keeping every child in school)",
            discussion: "退出码：0 成功，1 被拒绝（规则、权限范围或记录状态不允许），2 输入有误或用法错误，3 服务在期限内无响应（之后不会再执行；用 --request-id 重试可确认）。(exit codes: 0 ok, 1 refused by a rule, your scope or the record's state, 2 invalid input or usage, 3 a service did not answer by the deadline: not applied later; rerun with --request-id to settle it)",
            subcommands: [UpCommand.self, ServeCommand.self, SchoolCommand.self, StudentCommand.self, AbsenceCommand.self, AlertCommand.self, CaseCommand.self, TeachingCommand.self, RosterCommand.self, CrosscheckCommand.self, SubsidyCommand.self, TargetCommand.self, CalendarCommand.self, LedgerCommand.self, CareCommand.self, ReportCommand.self, UserCommand.self, WebhookCommand.self, AuditCommand.self, ServicesCommand.self, BackupCommand.self, RestoreCommand.self, DemoCommand.self] + extra + [KeysCommand.self])
    }

    public init() {}

    /// Parses with `root` (this command, or the executable's with more subcommands), runs, and
    /// exits with the project's exit codes. Files it creates are owner-only, and a `baoxue` a
    /// supervisor or test started dies with it (``ProcessStartup``).
    public static func runMain(root: any ParsableCommand.Type = BaoxueCommand.self) async -> Never {
        ProcessStartup.begin("baoxue")
        let english = CommandLine.arguments.contains("--lang=en") || zip(CommandLine.arguments, CommandLine.arguments.dropFirst()).contains { $0 == "--lang" && $1 == "en" }
        // One request scope per command: its requests are named from this key, so the command run
        // again with `--request-id KEY` repeats them and gets the first answers (RequestScope).
        let requestKey = option("--request-id") ?? RequestScope.freshKey(prefix: "cli")
        let scope = RequestScope(key: CommandFailure.scopePrefix + requestKey)
        do {
            var command = try root.parseAsRoot()
            _ = try RequestScope.checkedKey(requestKey, field: "--request-id")
            try await RequestScope.$current.withValue(scope) {
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            }
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((english ? "error: " : "错误：").utf8 + Data(failure.message.utf8) + Data("\n".utf8)))
            Foundation.exit(failure.exitCode)
        } catch let error as ServiceError {
            // In the command's scope, so an unanswered request names the key to retry with.
            let failure = RequestScope.$current.withValue(scope) { CommandFailure(error, language: english ? .en : .zh) }
            FileHandle.standardError.write(Data(((english ? "error: " : "错误：") + failure.message + "\n").utf8))
            Foundation.exit(failure.exitCode)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                print(root.fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((root.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    /// The value of `--name VALUE` or `--name=VALUE` on the command line, read before parsing
    /// because it applies to the whole run.
    static func option(_ name: String) -> String? {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
            if argument == name, index + 1 < arguments.count { return arguments[index + 1] }
        }
        return nil
    }
}
