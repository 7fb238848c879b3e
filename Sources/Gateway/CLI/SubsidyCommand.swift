import ArgumentParser
import BaoxueContracts
import Foundation

/// `baoxue subsidy …`: student aid (资助), "应助尽助，不漏一人" — programs, the offices' family
/// rosters, eligibility, disbursement batches, payments and the bank's results, coverage, totals.
struct SubsidyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy", abstract: "学生资助：名单、资格、发放、银行回盘、覆盖核查、年度汇总 (student aid: rosters, eligibility, batches, bank results, coverage, totals)",
        subcommands: [
            Programs.self, Import.self, Rosters.self, Unmatched.self, Eligible.self, Disburse.self, Batches.self, Batch.self,
            Payments.self, Reissue.self, BankResults.self, Coverage.self, Totals.self, Child.self,
        ])

    struct Programs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "资助项目：学段、年级、寄宿条件、家庭类别、每学期金额及分担 (the programs the county runs)")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let session = try await options.session()
            let programs = try await perform(options) { try await session.operations.subsidy.programs(actor: session.actor) }
            try options.emit(programs) { SubsidyText.programs(programs, options.language) }
        }
    }

    struct Eligible: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "某学期符合资助条件的学生及依据（名单、项目、学段、寄宿）(who is eligible in a term, and why)",
            discussion: "例：baoxue subsidy eligible --term 2026秋 --township 510123101")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学期，如2026秋、2027春或2026-autumn (term)") var term: String
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "项目编号 (program id)") var program: String?
        @Option(help: "条数 ≤1000 (at most this many)") var limit: Int = 100
        @Option(help: "上一页给出的续页标记 (the previous page's cursor)") var cursor: String?

        var form: EligibilityForm { EligibilityForm(term: term, township: township, school: school, program: program, limit: String(limit), cursor: cursor) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let page = try await perform(options) { try await session.operations.subsidy.eligible(query, actor: session.actor) }
            try options.emit(page) { SubsidyText.eligible(page, options.language) }
        }
    }

    struct Coverage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "不漏一人：应助未助、发放失败及有说明的未发放，按乡镇和学校的覆盖率 (coverage: the eligible not paid, and ratios)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学期 (term)") var term: String
        @Option(help: "项目编号 (program id)") var program: String?
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "列出条数 ≤1000 (gaps listed at most)") var limit: Int = 100

        var form: CoverageForm { CoverageForm(term: term, program: program, township: township, school: school, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let report = try await perform(options) { try await session.operations.subsidy.coverage(query, actor: session.actor) }
            try options.emit(report) { SubsidyText.coverage(report, options.language) }
        }
    }

    struct Totals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "年度资助汇总：人次、金额（元、万元）、县财政投入，按项目、学段、乡镇 (the year's totals)",
            discussion: "例：baoxue subsidy totals --year 2026 --out 学生资助汇总-2026.csv（UTF-8带BOM，可直接用Excel打开；.xlsx写工作簿）")
        @OptionGroup var options: GlobalOptions
        @Option(help: "年度 (year)") var year: Int
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "另存为CSV或.xlsx文件 (also write the table to this CSV or .xlsx file)") var out: String?

        var form: SubsidyTotalsForm { SubsidyTotalsForm(year: String(year), township: township, school: school) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            if let out { try LedgerReportCommand.checkWritable(out, options: options) }
            let session = try await options.session()
            let totals = try await perform(options) { try await session.operations.subsidy.totals(query, actor: session.actor) }
            if let out {
                try OutputFile.write(out, options: options) { ExportFormat(path: out) == .xlsx ? try SubsidyTotalsCSV.workbook(totals) : SubsidyTotalsCSV.data(totals) }
            }
            try options.emit(totals) {
                SubsidyText.totals(totals, options.language) + (out.map { "\n" + options.say("已另存为\($0)（可用Excel打开）", "Also written to \($0) (opens in Excel)") } ?? "")
            }
        }
    }

    struct Child: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "一名学生的资助：所在名单、本学期可享项目、全部发放记录（记入审计）(one child's aid; audited)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID number or student number)") var key: String

        func run() async throws {
            let session = try await options.session()
            let aid = try await perform(options) { try await session.operations.subsidy.child(key, actor: session.actor) }
            try options.emit(aid) { SubsidyText.child(aid, options.language) }
        }
    }
}
