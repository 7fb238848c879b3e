import ArgumentParser
import BaoxueCSV
import BaoxueContracts
import Foundation

/// `baoxue school import|list`.
struct SchoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school", abstract: "学校：导入与查询 (schools: import and list)",
        subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入学校CSV：学校标识码,学校名称,学校类型,乡镇区划代码 (import a schools CSV)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "CSV文件 (the CSV file)") var file: String
        @Option(help: "文件编码 utf-8|gb18030|gbk，默认自动识别 (file encoding; detected when omitted)") var encoding: String?

        func run() async throws {
            try await runImport(file: file, encoding: encoding, options: options, label: options.say("导入学校", "schools")) { operations, data, encoding, progress in
                try await operations.importSchools(data, encoding: encoding, actor: .localOperator(), progress: progress)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出学校 (list schools)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇区划代码 (township code)") var township: String?

        func run() async throws {
            let operations = try await options.operations()
            let schools = try await perform(options) { try await operations.schools(township: township, actor: .localOperator()) }
            try options.emit(schools) {
                var table = TextTable(headers: [options.say("学校标识码", "code"), options.say("学校名称", "name"), options.say("类型", "type"), options.say("乡镇", "township"), options.say("学生数", "students")])
                table.rows = schools.map { [$0.code, $0.name, $0.type.label(options.language), $0.townshipName ?? $0.township, "\($0.students ?? 0)"] }
                return table.rendered + "\n" + options.say("共\(schools.count)所", "\(schools.count) schools")
            }
        }
    }
}

/// Runs one operation, turning service errors into a ``CommandFailure`` in the caller's language.
func perform<T>(_ options: GlobalOptions, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ServiceError {
        throw CommandFailure(error, language: options.language)
    }
}

/// What every `… import FILE` command does: read the file, import it with a progress bar, print
/// the report; exit 1 when not a single row could be imported.
func runImport(file: String, encoding: String?, options: GlobalOptions, label: String, _ body: (Operations, Data, TextEncoding?, @escaping ImportProgress) async throws -> ImportOutcome) async throws {
    let data = try FileArgument.read(file, options: options)
    let textEncoding = try encodingOption(encoding, options)
    let operations = try await options.operations()
    let outcome = try await perform(options) { try await body(operations, data, textEncoding, ProgressBar(label: label).update) }
    try options.emit(outcome) { outcome.text(options.language) }
    if !outcome.report.rejected.isEmpty && outcome.report.total == outcome.report.rejected.count { throw ExitCode(1) }
}

func encodingOption(_ name: String?, _ options: GlobalOptions) throws -> TextEncoding? {
    guard let name else { return nil }
    guard let encoding = TextEncoding.named(name) else {
        throw CommandFailure(options.say("未知编码\(name)，可用 utf-8、gb18030、gbk", "unknown encoding \(name); use utf-8, gb18030 or gbk"), exitCode: 2)
    }
    return encoding
}
