import Access
import ArgumentParser
import BaoxueContracts

/// `baoxue user add|list|disable|enable|rotate-token`: accounts for the HTTP surface and
/// `--token`, managed by county admins. A token is printed once and never stored.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "用户与令牌（县级管理员）(users and tokens; county admins)",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, RotateToken.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "添加用户并打印其令牌（只显示这一次）(add a user and print their token, shown this once)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "用户名 (user name)") var name: String
        @Option(help: "角色 (role)") var role: Role
        @Option(help: "乡镇代码，9位（township-staff）(9-digit township code)") var township: String?
        @Option(help: "学校标识码，10位（school-staff）(10-digit school code)") var school: String?

        func run() async throws {
            let session = try await options.session()
            let issued = try await perform(options) {
                try await session.operations.access.addUser(try NewUser.checked(name: name, role: role.rawValue, township: township, school: school), actor: session.actor)
            }
            try UserCommand.printIssued(issued, options: options)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出用户 (list users)")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let session = try await options.session()
            let users = try await perform(options) { try await session.operations.access.users(actor: session.actor) }
            try options.emit(users) {
                var table = TextTable(headers: [options.say("用户", "user"), options.say("角色", "role"), options.say("范围", "scope"), options.say("令牌签发", "token issued"), options.say("状态", "state")])
                table.rows = users.map {
                    [$0.name, $0.role.rawValue, $0.township ?? $0.school ?? options.say("全县", "county"), $0.tokenIssuedAt, $0.isDisabled ? options.say("已停用", "disabled") : options.say("正常", "active")]
                }
                return table.rendered + "\n" + options.say("共\(users.count)个用户", "\(users.count) users")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停用用户，其令牌立即失效 (disable a user; their token stops working at once)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "用户名 (user name)") var name: String

        func run() async throws {
            let session = try await options.session()
            let user = try await perform(options) { try await session.operations.access.setDisabled(true, user: name, actor: session.actor) }
            try options.emit(user) { options.say("已停用 \(user.name)", "Disabled \(user.name)") }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "恢复已停用的用户 (enable a disabled user again)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "用户名 (user name)") var name: String

        func run() async throws {
            let session = try await options.session()
            let user = try await perform(options) { try await session.operations.access.setDisabled(false, user: name, actor: session.actor) }
            try options.emit(user) { options.say("已恢复 \(user.name)", "Enabled \(user.name)") }
        }
    }

    struct RotateToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rotate-token", abstract: "换发令牌，旧令牌立即失效 (issue a new token; the old one stops working at once)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "用户名 (user name)") var name: String

        func run() async throws {
            let session = try await options.session()
            let issued = try await perform(options) { try await session.operations.access.rotateToken(user: name, actor: session.actor) }
            try UserCommand.printIssued(issued, options: options)
        }
    }

    static func printIssued(_ issued: IssuedToken, options: GlobalOptions) throws {
        try options.emit(issued) {
            let account = issued.account
            let scope = account.township.map { options.say("乡镇", "township ") + $0 } ?? account.school.map { options.say("学校", "school ") + $0 } ?? options.say("全县", "county-wide")
            return options.say(
                "用户 \(account.name)（\(account.role.rawValue)，\(scope)）的令牌，只显示这一次，请妥善转交：\n\(issued.token)",
                "Token of \(account.name) (\(account.role.rawValue), \(scope)); shown this once, hand it over safely:\n\(issued.token)")
        }
    }
}
