import Access
import ArgumentParser
import BaoxueContracts

/// `baoxue audit list`: who read or changed what, for county admins.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "审计日志（县级管理员）(the audit log; county admins)", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查询审计日志，最新在前 (list audit entries, newest first)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学生身份证件号或全国学籍号 (a student's ID or student number)") var student: String?
        @Option(help: "用户名 (user name)") var user: String?
        @Option(help: "操作，如 student.read (action, e.g. student.read)") var action: String?
        @Option(help: "起始日期 YYYY-MM-DD 或 UTC 时刻 (since a date or UTC instant)") var since: String?
        @Option(help: "最多条数 (at most this many, ≤1000)") var limit: Int = 100

        var form: AuditListForm { AuditListForm(student: student, user: user, action: action, since: since, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let entries = try await perform(options) { try await session.operations.access.auditLog(query, actor: session.actor) }
            try options.emit(entries) {
                var table = TextTable(headers: [options.say("时间(UTC)", "time (UTC)"), options.say("用户", "user"), options.say("角色", "role"), options.say("来源", "via"), options.say("操作", "action"), options.say("结果", "outcome"), options.say("对象", "subject"), options.say("说明", "detail")])
                table.rows = entries.map { [$0.at, $0.user, $0.role, $0.via, $0.action, $0.outcome, $0.subject ?? "", $0.detail ?? ""] }
                return table.rendered + "\n" + options.say("共\(entries.count)条", "\(entries.count) entries")
            }
        }
    }
}
