import ArgumentParser
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// `baoxue report summary|inputs|kpis`: the county's numbers. The yearly work summary written
/// from live data (Markdown, Word or JSON), the figures operators enter for it, and the KPI sheet
/// by township and school.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "年度工作总结、录入数据、关键指标 (the yearly work summary, entered figures, KPIs)",
        subcommands: [Summary.self, Inputs.self, KPIs.self])

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "由实时数据生成年度控辍保学工作总结 (write the yearly work summary from live data)",
            discussion: "默认输出Markdown；--out 总结.docx 生成Word文档（需要pandoc，make会安装），.md为Markdown，.json为数据。例：baoxue report summary --year 2026 --out 2026年控辍保学工作总结.docx")
        @OptionGroup var options: GlobalOptions
        @Option(help: "年度 (year)") var year: Int
        @Option(help: "乡镇区划代码：只总结该乡镇 (township code: that township only)") var township: String?
        @Option(help: "另存为文件：.docx为Word，.json为数据，其他为Markdown (write a file: .docx for Word, .json for data, anything else Markdown)") var out: String?

        func run() async throws {
            let form = SummaryForm(year: String(year), township: township)
            let scope = try checked(options) { try form.checked() }
            if let out { try LedgerReportCommand.checkWritable(out, options: options) }
            let session = try await options.session()
            let summary = try await perform(options) { try await session.operations.reports.summary(year: scope.year, township: scope.township, actor: session.actor) }
            let markdown = SummaryDocument(summary: summary, language: options.language).markdown
            if let out {
                let data: Data
                switch URL(fileURLWithPath: out).pathExtension.lowercased() {
                case "docx": data = try await perform(options) { try await WordConverter.docx(markdown: markdown) }
                case "json": data = Data(try WireCoding.encode(summary))
                default: data = Data(markdown.utf8)
                }
                try OutputFile.write(out, options: options) { data }
            }
            try options.emit(summary) {
                out.map { options.say("已写入\($0)", "Written to \($0)") } ?? markdown
            }
        }
    }

    struct KPIs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kpis",
            abstract: "关键指标：巩固率、在校率、辍学与劝返、疑似辍学、资助和代理家长覆盖、送教、目标考核，按乡镇和学校 (KPIs by township and school)",
            discussion: "例：baoxue report kpis --year 2026 --out 关键指标-2026.xlsx")
        @OptionGroup var options: GlobalOptions
        @Option(help: "年度 (year)") var year: Int
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "另存为文件：.xlsx为Excel工作簿，其他为CSV (also write a file: .xlsx for a workbook, anything else CSV)") var out: String?

        func run() async throws {
            let form = SummaryForm(year: String(year), township: township)
            let scope = try checked(options) { try form.checked() }
            if let out { try LedgerReportCommand.checkWritable(out, options: options) }
            let session = try await options.session()
            let sheet = try await perform(options) { try await session.operations.reports.kpis(year: scope.year, township: scope.township, actor: session.actor) }
            if let out {
                try OutputFile.write(out, options: options) { ExportFormat(path: out) == .xlsx ? try KPICSV.workbook(sheet) : KPICSV.data(sheet) }
            }
            try options.emit(sheet) { ReportText.kpis(sheet, options.language) + (out.map { "\n" + options.say("已另存为\($0)", "Also written to \($0)") } ?? "") }
        }
    }

    struct Inputs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "总结中系统不掌握的数据：查看、录入、删除（县级）(figures the summary needs that no service holds: list, enter, clear; county roles)",
            subcommands: [List.self, Enter.self, Clear.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出某年度已录入和未录入的项目 (list a year's figures, entered or not)")
            @OptionGroup var options: GlobalOptions
            @Option(help: "年度 (year)") var year: Int

            func run() async throws {
                let session = try await options.session()
                let inputs = try await perform(options) { try await session.operations.reports.inputs(year: year, actor: session.actor) }
                try options.emit(inputs) { ReportText.inputs(inputs, options.language) }
            }
        }

        struct Enter: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "set",
                abstract: "录入一项数据（覆盖原值，记入审计日志）(enter a figure, replacing any earlier one; audited)",
                discussion: "项目见 baoxue report inputs list。例：baoxue report inputs set --year 2026 --key newTeachers --value 120 --note 人社局数据")
            @OptionGroup var options: GlobalOptions
            @Option(help: "年度 (year)") var year: Int
            @Option(help: "项目代码或中文名 (the key, as a code or its Chinese name)") var key: String
            @Option(help: "数值（不带单位）或县名 (the value, without its unit, or the county's name)") var value: String
            @Option(help: "备注，如数据来源 (note, e.g. where the figure comes from)") var note: String?

            func run() async throws {
                let entry = try checked(options) { try ReportInputForm(year: String(year), key: key, value: value, note: note).checked() }
                let session = try await options.session()
                let input = try await perform(options) { try await session.operations.reports.setInput(year: entry.year, key: entry.key, value: entry.value, note: entry.note, actor: session.actor) }
                try options.emit(input) { ReportText.entered(input, options.language) }
            }
        }

        struct Clear: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "删除一项已录入的数据（记入审计日志）(remove an entered figure; audited)")
            @OptionGroup var options: GlobalOptions
            @Option(help: "年度 (year)") var year: Int
            @Option(help: "项目代码或中文名 (the key)") var key: String

            func run() async throws {
                let inputKey = try checked(options) { try ReportInputForm.key(key) }
                let session = try await options.session()
                try await perform(options) { try await session.operations.reports.clearInput(year: year, key: inputKey, actor: session.actor) }
                try options.emit(["cleared": inputKey.rawValue]) { options.say("已删除\(year)年的\(inputKey.chinese)", "Cleared \(inputKey.english) for \(year)") }
            }
        }
    }
}
