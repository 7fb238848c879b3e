import ArgumentParser
import BaoxueContracts

/// `baoxue case list|show|open|assign|plan|visit|step|teach|close`: the persuasion-return cases
/// (劝返), one per child, worked by a township official and a school teacher together.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "控辍劝返案件 (persuasion-return cases)",
        subcommands: [List.self, Show.self, Open.self, Assign.self, Plan.self, Visit.self, Step.self, Teach.self, Close.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出案件，默认未销号的 (list cases; open and on probation by default)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "状态 (state)") var state: CaseState?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100
        @OptionGroup var file: ListFileOption

        var form: CaseListForm { CaseListForm(township: township, school: school, state: state?.rawValue, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            try file.check(options)
            let session = try await options.session()
            let cases = try await perform(options) { try await session.operations.monitor.cases(query, actor: session.actor) }
            let townships = await session.townshipNames(options)
            let saved = try file.write(MonitorText.casesTable(cases, options.language, townships: townships), title: options.say("劝返案件", "cases"), options: options)
            try options.emit(cases) { MonitorText.cases(cases, options.language, townships: townships) + (saved.map { "\n" + $0 } ?? "") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看案件全貌：走访、法律程序、送教、同户子女、全部记录 (show a case in full)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "案件编号 (case id)") var id: Int64

        func run() async throws {
            let session = try await options.session()
            let shown = try await perform(options) { try await session.operations.caseView(id, actor: session.actor) }
            let townships = await session.townshipNames(options)
            try options.emit(shown) {
                var text = MonitorText.caseFile(shown.file, options.language, townships: townships)
                if let care = shown.care {
                    text += "\n\n" + CareText.caseSection(care, options.language)
                } else if shown.file.summary.measures.contains(.care) {
                    text += "\n\n" + options.say("计划含留守关爱措施，但关爱服务中没有该生的台账记录：请先登记 baoxue care ledger record", "The plan has the care measure, but the care service has no ledger record of this child: record one with baoxue care ledger record")
                }
                if let aid = shown.subsidy {
                    text += "\n\n" + SubsidyText.caseSection(aid, options.language)
                } else if shown.file.summary.measures.contains(.subsidyReferral) {
                    text += "\n\n" + options.say("计划含资助转介措施，但资助服务中没有该生的记录或暂不可用", "The plan has the subsidy measure, but the subsidy service has no record of this child or did not answer")
                }
                return text
            }
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "为一名学生立案（报告辍学、连续缺课和比对确认时会自动立案）(open a case by hand)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID or student number)") var student: String
        @Option(help: "原因，逗号分隔：厌学,学习困难,家庭经济困难,残疾,疾病,外出务工,早婚早育,家庭变故,其他 (causes)") var cause: String?
        @Option(help: "说明 (note)") var note: String?

        var form: OpenCaseForm { OpenCaseForm(student: student, causes: FormField.list(cause), note: note) }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            try await runCaseCommand(options) { operations, actor in try await operations.monitor.openCase(request, actor: actor) }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "指定双线负责人：乡镇干部与学校教师 (name the township official and the school teacher)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "案件编号 (case id)") var id: Int64
        @Option(name: .customLong("township-official"), help: "乡镇负责人 (township official)") var townshipOfficial: String?
        @Option(name: .customLong("school-teacher"), help: "学校负责人 (school teacher)") var schoolTeacher: String?

        var form: AssignCaseForm { AssignCaseForm(townshipOfficial: townshipOfficial, schoolTeacher: schoolTeacher) }

        func run() async throws {
            let request = try checked(options) { try form.request(id: id) }
            try await runCaseCommand(options) { operations, actor in try await operations.monitor.assignCase(request, actor: actor) }
        }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "制定一生一策：原因与措施 (the plan: causes and measures)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "案件编号 (case id)") var id: Int64
        @Option(help: "原因，逗号分隔 (causes, comma-separated)") var cause: String?
        @Option(help: "措施，逗号分隔：上门劝返,心理疏导,学习方法辅导,特教学校就读,送教上门,职业中学,资助转介,依法控辍,留守关爱 (measures)") var measure: String?
        @Option(help: "说明 (note)") var note: String?

        var form: PlanCaseForm { PlanCaseForm(causes: FormField.list(cause), measures: FormField.list(measure), note: note) }

        func run() async throws {
            let request = try checked(options) { try form.request(id: id) }
            try await runCaseCommand(options) { operations, actor in try await operations.monitor.planCase(request, actor: actor) }
        }
    }

    struct Visit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "记录一次上门走访 (record a home visit)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "案件编号 (case id)") var id: Int64
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?
        @Option(help: "走访人员，逗号分隔 (visitors, comma-separated)") var visitors: String
        @Option(help: "走访结果 (outcome)") var outcome: String
        @Option(name: .customLong("next"), help: "下次走访日期 (next visit)") var next: String?
        @Option(help: "活动标签，如 千名教师访万家 (campaign tag)") var campaign: String?

        var form: VisitForm { VisitForm(date: date, visitors: FormField.list(visitors), outcome: outcome, nextVisit: next, campaign: campaign) }

        func run() async throws {
            let request = try checked(options) { try form.request(id: id, today: Timestamp.todayInChina()) }
            try await runCaseCommand(options) { operations, actor in try await operations.monitor.recordVisit(request, actor: actor) }
        }
    }

    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "记录依法控辍的一步 (record a step of the legal ladder)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "案件编号 (case id)") var id: Int64
        @Option(help: "步骤：班主任劝返,学校领导劝返,乡镇督促入学通知书,处罚告知,提起诉讼 (step)") var step: LegalStep
        @Option(help: "日期，默认今天 (date)") var date: String?
        @Option(help: "说明 (note)") var note: String?

        var form: LegalStepForm { LegalStepForm(step: step.rawValue, date: date, note: note) }

        func run() async throws {
            let request = try checked(options) { try form.request(id: id, today: Timestamp.todayInChina()) }
            try await runCaseCommand(options) { operations, actor in try await operations.monitor.recordLegalStep(request, actor: actor) }
        }
    }

    struct Teach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "记录一次送教上门 (record a home-delivered teaching session)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "案件编号 (case id)") var id: Int64
        @Option(help: "日期，默认今天 (date)") var date: String?
        @Option(help: "送教教师 (teacher)") var teacher: String
        @Option(help: "节数 1–10 (lessons)") var lessons: Int

        var form: TeachingForm { TeachingForm(date: date, teacher: teacher, lessons: lessons) }

        func run() async throws {
            let request = try checked(options) { try form.request(id: id, today: Timestamp.todayInChina()) }
            try await runCaseCommand(options) { operations, actor in try await operations.monitor.recordTeaching(request, actor: actor) }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "销号：在籍学生返校上课（须写明核实人）、特教、送教、职校或核实县外就读、出国、死亡（辍学学生的劝返复学在学籍中办理后自动销号）(close a case)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "案件编号 (case id)") var id: Int64
        @Option(help: "结果：特教学校就读,送教上门,职业学校就读,县外就读（已核实）,出国（境）,死亡 或英文代码 (outcome)") var outcome: CaseOutcome
        @Option(help: "日期，默认今天 (date)") var date: String?
        @Option(help: "核实证明（县外就读、出国、死亡必填）(proof; required for verified outcomes)") var proof: String?

        var form: CloseCaseForm { CloseCaseForm(outcome: outcome.rawValue, date: date, proof: proof) }

        func run() async throws {
            let request = try checked(options) { try form.request(id: id) }
            try await runCaseCommand(options) { operations, actor in try await operations.monitor.closeCase(request, actor: actor) }
        }
    }
}

/// Runs a case action and prints the case afterwards.
private func runCaseCommand(_ options: GlobalOptions, _ body: (Operations, Actor) async throws -> CaseFile) async throws {
    let session = try await options.session()
    let file = try await perform(options) { try await body(session.operations, session.actor) }
    try options.emit(file) { MonitorText.caseFile(file, options.language) }
}
