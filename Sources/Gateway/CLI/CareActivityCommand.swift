import ArgumentParser
import BaoxueContracts

/// `baoxue care activity list|record|summary`: care activities (关爱活动) per child and per group.
struct CareActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activity", abstract: "关爱活动 (care activities)", subcommands: [List.self, Record.self, Summary.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出关爱活动，最新在前 (list activities, newest first)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "活动：心理咨询,亲情视频聊天,乡村少年宫,代理家长联系,学业辅导,家访 (kind)") var kind: ActivityKind?
        @Option(help: "起始日期 (from)") var from: String?
        @Option(help: "截止日期 (to)") var to: String?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: ActivityListForm { ActivityListForm(township: township, school: school, kind: kind?.rawValue, from: from, to: to, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let activities = try await perform(options) { try await session.operations.care.activities(query, actor: session.actor) }
            try options.emit(activities) { CareText.activities(activities, options.language) }
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "记录一次关爱活动（一名或一组在册留守儿童）(record an activity for one child or a group)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "活动：心理咨询,亲情视频聊天,乡村少年宫,学业辅导,家访 (kind)") var kind: ActivityKind
        @Option(help: "学校标识码 (school code)") var school: String
        @Option(help: "参加的留守儿童，证件号或学籍号，逗号分隔 (the children, comma-separated)") var students: String
        @Option(help: "参加总人数，默认为所列儿童数 (head count; the children named by default)") var participants: Int?
        @Option(help: "说明 (note)") var note: String?
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?

        var form: ActivityForm { ActivityForm(kind: kind.rawValue, school: school, students: FormField.list(students), participants: participants, note: note, date: date) }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let activity = try await perform(options) { try await session.operations.care.recordActivity(request, actor: session.actor) }
            try options.emit(activity) { CareText.activities([activity], options.language) }
        }
    }

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "按月、类别统计关爱活动次数与人次 (activities per month and kind)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "年度，如2026 (year)") var year: String
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Flag(name: .customLong("by-school"), help: "按学校分列 (a line per school)") var bySchool = false

        var form: ActivitySummaryForm { ActivitySummaryForm(year: year, township: township, school: school, bySchool: bySchool ? "true" : nil) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let lines = try await perform(options) { try await session.operations.care.activitySummary(query, actor: session.actor) }
            try options.emit(lines) { CareText.summary(lines, options.language) }
        }
    }
}
