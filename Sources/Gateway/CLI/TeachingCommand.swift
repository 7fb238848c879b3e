import ArgumentParser
import BaoxueContracts

/// `baoxue teaching start|log|end|list`: home-delivered teaching (送教上门) for children who cannot
/// attend for illness or disability and never dropped out: no case, lessons against the yearly
/// quota (decision 105). Sessions on an open case stay `baoxue case teach`.
struct TeachingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teaching", abstract: "送教上门：在籍学生的送教安排、送教记录与年度节数 (home-delivered teaching for enrolled children)",
        subcommands: [List.self, Start.self, Log.self, End.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出送教学生与本学年节数 (children taught at home, with this school year's lessons)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Flag(help: "包括已结束的 (include ended placements)") var ended = false
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 500
        @OptionGroup var file: ListFileOption

        var form: TeachingListForm { TeachingListForm(township: township, school: school, ended: ended ? "true" : nil, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            try file.check(options)
            let session = try await options.session()
            let placements = try await perform(options) { try await session.operations.monitor.teaching(query, actor: session.actor) }
            let townships = await session.townshipNames(options)
            let saved = try file.write(TeachingText.table(placements, options.language, townships: townships), title: options.say("送教上门", "home teaching"), options: options)
            try options.emit(placements) { TeachingText.placements(placements, options.language, townships: townships) + (saved.map { "\n" + $0 } ?? "") }
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "安排送教上门（学生须在籍；辍学学生先在学籍中复学）(start home teaching; the child must be enrolled)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或学籍号 (ID number or student number)") var student: String
        @Option(help: "送教教师 (teacher)") var teacher: String
        @Option(help: "原因，如重度残疾不能到校 (why the child cannot attend)") var reason: String
        @Option(name: .customLong("started-on"), help: "开始日期，默认今天 (start date)") var startedOn: String?
        @Option(name: .customLong("lessons-per-year"), help: "年度节数要求，默认按配置 (lessons a school year)") var lessonsPerYear: Int?

        var form: TeachingStartForm { TeachingStartForm(student: student, teacher: teacher, reason: reason, startedOn: startedOn, lessonsPerYear: lessonsPerYear) }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let placement = try await perform(options) { try await session.operations.monitor.startTeaching(request, actor: session.actor) }
            try options.emit(placement) { TeachingText.placements([placement], options.language) }
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "记录一次送教 (log a session)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或学籍号 (ID number or student number)") var student: String
        @Option(help: "节数 1–10 (lessons)") var lessons: Int
        @Option(help: "日期，默认今天 (date)") var date: String?
        @Option(help: "送教教师，默认安排时的教师 (teacher)") var teacher: String?

        var form: TeachingSessionForm { TeachingSessionForm(student: student, date: date, teacher: teacher, lessons: lessons) }

        func run() async throws {
            let request = try checked(options) { try form.request(today: Timestamp.todayInChina()) }
            let session = try await options.session()
            let placement = try await perform(options) { try await session.operations.monitor.logTeaching(request, actor: session.actor) }
            try options.emit(placement) { TeachingText.placements([placement], options.language) }
        }
    }

    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "结束送教上门 (end home teaching)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或学籍号 (ID number or student number)") var student: String
        @Option(help: "原因，如康复后随班就读 (why)") var reason: String
        @Option(help: "日期，默认今天 (date)") var date: String?

        var form: TeachingEndForm { TeachingEndForm(student: student, date: date, reason: reason) }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let placement = try await perform(options) { try await session.operations.monitor.endTeaching(request, actor: session.actor) }
            try options.emit(placement) { TeachingText.placements([placement], options.language) }
        }
    }
}
