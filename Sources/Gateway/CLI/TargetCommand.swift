import ArgumentParser
import BaoxueContracts

/// `baoxue target add|list|score`: responsibility documents (目标责任书) and how each township and
/// school stands against them.
struct TargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "目标责任书：录入、查询、考核 (responsibility targets: record, list, score)",
        subcommands: [Add.self, List.self, Score.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "录入一份已签订的目标责任书（县级）(record a signed responsibility document; county roles)",
            discussion: "县政府与乡镇签订用 --township，教体局与学校签订用 --school；至少一项目标。例：baoxue target add --year 2026 --township 510123101 --max-dropouts 0 --min-enrolment-rate 100 --max-open-cases 0 --signed-by 李县长,王镇长 --signed-on 2026-02-20")
        @OptionGroup var options: GlobalOptions
        @Option(help: "年度 (year)") var year: Int
        @Option(help: "乡镇区划代码，县政府与乡镇签订 (township code, signed with the county government)") var township: String?
        @Option(help: "学校标识码，教体局与学校签订 (school code, signed with the bureau)") var school: String?
        @Option(name: .customLong("max-dropouts"), help: "年末在册辍学人数上限，通常为0 (at most this many dropouts on the register at year end)") var maxDropouts: Int?
        @Option(name: .customLong("min-enrolment-rate"), help: "在校率下限（在读与休学÷应在校），百分数，如100或96 (at least this in-school rate, enrolled and suspended ÷ should attend, percent)") var minEnrolmentRate: String?
        @Option(name: .customLong("max-open-cases"), help: "年末在办劝返案件上限 (at most this many open cases at year end)") var maxOpenCases: Int?
        @Option(name: .customLong("signed-by"), help: "签字人，逗号分隔，县方在前 (signatories, comma-separated, the county side first)") var signedBy: String
        @Option(name: .customLong("signed-on"), help: "签订日期 YYYY-MM-DD (signing date)") var signedOn: String
        @Flag(help: "取代该签订方本年度已录入的文件 (supersede the party's current document for the year)") var replace = false
        @Option(help: "备注 (note)") var note: String?

        var form: TargetForm {
            get throws(ServiceError) {
                TargetForm(
                    year: year, township: township, school: school, maxDropouts: maxDropouts,
                    minEnrolmentRate: try FormField.percent(minEnrolmentRate, "minEnrolmentRate"), maxOpenCases: maxOpenCases,
                    signedBy: FormField.list(signedBy), signedOn: signedOn, replace: replace ? true : nil, note: note)
            }
        }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let document = try await perform(options) { try await session.operations.targets.addTarget(request, actor: session.actor) }
            try options.emit(document) { TargetText.recorded(document, options.language) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出目标责任书（按权限范围）(list responsibility documents within your scope)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "年度 (year)") var year: Int?
        @Option(help: "乡镇区划代码：该乡镇及其学校的文件 (a township's document and its schools')") var township: String?
        @Option(help: "学校标识码 (a school's document)") var school: String?

        var form: TargetListForm { TargetListForm(year: year.map(String.init), township: township, school: school) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let documents = try await perform(options) { try await session.operations.targets.targets(query, actor: session.actor) }
            try options.emit(documents) { TargetText.list(documents, options.language) }
        }
    }

    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "按实时数据考核各乡镇、学校的目标完成情况 (score each township and school against its targets from live data)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "年度 (year)") var year: Int
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?

        var form: TargetListForm { TargetListForm(year: String(year), township: township, school: school) }

        func run() async throws {
            let query = try checked(options) { try form.scoreQuery() }
            let session = try await options.session()
            let sheet = try await perform(options) { try await session.operations.targets.targetScores(query, actor: session.actor) }
            try options.emit(sheet) { TargetText.score(sheet, options.language) }
        }
    }
}
