import ArgumentParser
import BaoxueCSV
import BaoxueContracts

/// The offices' family rosters: import, history, and the people on them no school holds.
extension SubsidyCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导入家庭名单（建档立卡、低保/特困/孤儿、残疾）：身份证件号,姓名,类别,户主姓名,乡镇区划代码 (import a family roster)",
            discussion: "例：baoxue subsidy import 建档立卡-2026-09.xlsx --source 建档立卡 --listed-on 2026-09-01\n名单即该部门当日的全部名单：不在新名单中的家庭自下学期起不再享受。(The file is the office's whole list on that date: a family missing from it stops being eligible from the next term.)")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var file: ImportFileArguments
        @Option(help: "来源：poverty（建档立卡）、civilAffairs（民政）、disability（残联），或中文简称 (source)") var source: RosterSource
        @Option(name: .customLong("listed-on"), help: "名单导出日期 YYYY-MM-DD (the date the list was exported)") var listedOn: String

        var form: RosterUploadForm { RosterUploadForm(source: source.rawValue, listedOn: listedOn) }

        func run() async throws {
            let start = try checked(options) { try form.start(fileName: file.file.split(separator: "/").last.map(String.init)) }
            let data = try FileArgument.read(file.file, options: options)
            let session = try await options.session()
            let progress = ProgressBar(label: options.say("导入家庭名单", "family roster")).update
            let upload = try await perform(options) {
                try await session.operations.subsidy.importRoster(data, start: start, encoding: file.encoding, sheet: file.sheet, allowExtraColumns: file.allowExtraColumns, actor: session.actor, progress: progress)
            }
            try options.emit(upload) { upload.outcome.text(options.language) + "\n" + SubsidyText.roster(upload.roster, options.language) }
            if !upload.outcome.report.rejected.isEmpty && upload.outcome.report.total == upload.outcome.report.rejected.count { throw ExitCode(1) }
        }
    }

    struct Rosters: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "名单导入记录 (the roster imports, newest first)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "来源 (source)") var source: RosterSource?
        @Option(help: "条数 ≤1000 (at most this many)") var limit: Int = 100

        func run() async throws {
            let limit = try checked(options) { try FormField.limit(self.limit, default: 100) }
            let session = try await options.session()
            let imports = try await perform(options) { try await session.operations.subsidy.rosters(FamilyRosterQuery(source: source, limit: limit), actor: session.actor) }
            try options.emit(imports) { imports.map { SubsidyText.roster($0, options.language) }.joined(separator: "\n\n") }
        }
    }

    struct Unmatched: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "名单中未匹配到在校学生的人员（证件号已脱敏；适龄者已交控辍比对）(people on a list no school holds; masked)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Flag(name: .customLong("school-age"), help: "只列义务教育适龄儿童 (only children of compulsory-school age)") var schoolAge = false
        @Option(help: "条数 ≤1000 (at most this many)") var limit: Int = 100

        var form: UnmatchedListForm { UnmatchedListForm(township: township, schoolAge: String(schoolAge), limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let people = try await perform(options) { try await session.operations.subsidy.unmatched(query, actor: session.actor) }
            try options.emit(people) { SubsidyText.unmatched(people, options.language) }
        }
    }
}
