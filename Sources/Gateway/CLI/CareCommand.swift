import ArgumentParser
import BaoxueContracts

/// `baoxue care …`: care for left-behind children (关爱留守儿童): the ledger, a child's care
/// record, homes, surrogate parents and their contacts, micro-wishes, activities, notices, gaps
/// and figures. Care alerts are `baoxue alert list --service care`.
struct CareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "care", abstract: "关爱留守儿童：台账、代理家长、留守儿童之家、微心愿、关爱活动 (care for left-behind children)",
        subcommands: [CareLedgerCommand.self, Child.self, CareHomeCommand.self, CareSurrogateCommand.self, Contact.self, CareWishCommand.self, CareActivityCommand.self, Notices.self, Gaps.self, Figures.self, Sweep.self])

    struct Child: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看一名儿童的关爱档案：家庭、监护人、代理家长、活动、心愿、提醒 (one child's care record)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID or student number)") var student: String

        func run() async throws {
            let session = try await options.session()
            let record = try await perform(options) { try await session.operations.care.child(student, actor: session.actor) }
            try options.emit(record) { CareText.record(record, options.language) }
        }
    }

    struct Contact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "记录代理家长与儿童的一次联系 (log a surrogate parent's contact)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID or student number)") var student: String
        @Option(help: "方式：家访,谈心,电话,视频 (way)") var way: ContactWay
        @Option(help: "说明 (note)") var note: String?
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?

        var form: ContactForm { ContactForm(way: way.rawValue, note: note, date: date) }

        func run() async throws {
            let request = try checked(options) { try form.request(student: student) }
            let session = try await options.session()
            let activity = try await perform(options) { try await session.operations.care.logContact(request, actor: session.actor) }
            try options.emit(activity) { options.say("已记录\(activity.date)代理家长\(activity.surrogateName ?? "")的\(activity.way?.chinese ?? "")联系", "Logged \(activity.surrogateName ?? "")'s contact on \(activity.date) (\(activity.way?.rawValue ?? ""))") }
        }
    }

    struct Notices: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "发给代理家长和留守儿童之家的提醒，最新在前 (notices to surrogate parents and homes)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "代理家长编号 (a surrogate parent's id)") var surrogate: Int64?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: NoticeListForm { NoticeListForm(township: township, school: school, surrogate: surrogate.map(String.init), limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let notices = try await perform(options) { try await session.operations.care.notices(query, actor: session.actor) }
            try options.emit(notices) { CareText.notices(notices, options.language) }
        }
    }

    struct Gaps: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "关爱缺口：未落实代理家长、逾期未联系、未建留守儿童之家的学校 (gaps: no surrogate, contact overdue, no home)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "每类最多条数 (at most per list, ≤1000)") var limit: Int = 100

        var form: CareScopeForm { CareScopeForm(township: township, school: school, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let gaps = try await perform(options) { try await session.operations.care.gaps(query, actor: session.actor) }
            try options.emit(gaps) { CareText.gaps(gaps, options.language) }
        }
    }

    struct Figures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "年度关爱数据：留守儿童、代理家长覆盖率、之家、微心愿、活动 (the year's care figures)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "年度，如2026 (year)") var year: String
        @Option(help: "乡镇代码 (township code)") var township: String?

        var form: CareFiguresForm { CareFiguresForm(year: year, township: township) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let figures = try await perform(options) { try await session.operations.care.figures(query, actor: session.actor) }
            try options.emit(figures) { CareText.figures(figures, options.language) }
        }
    }

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "立即运行关爱规则（平时每5分钟自动运行）(run the care rules now)")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let session = try await options.session()
            let report = try await perform(options) { try await session.operations.care.sweep(actor: session.actor) }
            try options.emit(report) {
                options.say("扫描\(report.children)名在册儿童（\(report.today)）：离开台账\(report.left)人，新预警\(report.opened)条，解除\(report.resolved)条，用时\(Int(report.milliseconds)) ms",
                            "Swept \(report.children) children (\(report.today)): \(report.left) left the ledger, \(report.opened) new alerts, \(report.resolved) resolved, \(Int(report.milliseconds)) ms")
            }
        }
    }
}
