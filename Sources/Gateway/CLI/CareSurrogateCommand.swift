import ArgumentParser
import BaoxueContracts

/// `baoxue care surrogate list|register|assign|unassign`: surrogate parents (代理家长) and the
/// children given to them.
struct CareSurrogateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "surrogate", abstract: "代理家长 (surrogate parents)", subcommands: [List.self, Register.self, Assign.self, Unassign.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出代理家长及照护儿童数，电话已脱敏 (list surrogate parents; phones masked)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: CareScopeForm { CareScopeForm(township: township, school: school, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let surrogates = try await perform(options) { try await session.operations.care.surrogates(query, actor: session.actor) }
            try options.emit(surrogates) { CareText.surrogates(surrogates, options.language) }
        }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记代理家长（教师在学校，志愿者在村）(register a surrogate parent with a school or a village)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "姓名 (name)") var name: String
        @Option(help: "身份：教师,志愿者 (kind)") var kind: SurrogateKind
        @Option(help: "电话 (phone)") var phone: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "村代码（12位）(village code)") var village: String?

        var form: SurrogateForm { SurrogateForm(name: name, kind: kind.rawValue, phone: phone, school: school, village: village) }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let surrogate = try await perform(options) { try await session.operations.care.registerSurrogate(request, actor: session.actor) }
            try options.emit(surrogate) { options.say("已登记代理家长\(surrogate.name)（编号\(surrogate.id)）", "Registered surrogate parent \(surrogate.name) (id \(surrogate.id))") }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "为在册留守儿童指定代理家长（每人最多照护5名）(assign a surrogate parent; at most 5 children each)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID or student number)") var student: String
        @Option(help: "代理家长编号 (the surrogate parent's id)") var surrogate: Int64
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?

        var form: AssignmentForm { AssignmentForm(surrogate: surrogate, date: date) }

        func run() async throws {
            let request = try checked(options) { try form.request(student: student) }
            let session = try await options.session()
            let assignment = try await perform(options) { try await session.operations.care.assign(request, actor: session.actor) }
            try options.emit(assignment) { CareText.assignment(assignment, options.language) }
        }
    }

    struct Unassign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "结束代理家长对一名儿童的照护 (end a child's assignment)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID or student number)") var student: String
        @Option(help: "原因 (reason)") var reason: String
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?

        var form: AssignmentEndForm { AssignmentEndForm(reason: reason, date: date) }

        func run() async throws {
            let request = try checked(options) { try form.request(student: student) }
            let session = try await options.session()
            let assignment = try await perform(options) { try await session.operations.care.endAssignment(request, actor: session.actor) }
            try options.emit(assignment) { CareText.assignment(assignment, options.language) }
        }
    }
}
