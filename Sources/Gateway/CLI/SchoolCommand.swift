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
        @OptionGroup var file: ImportFileArguments

        func run() async throws {
            try await runImport(file, options: options, label: options.say("导入学校", "schools")) { operations, actor, data, progress in
                try await operations.registry.importSchools(data, encoding: file.encoding, sheet: file.sheet, allowExtraColumns: file.allowExtraColumns, actor: actor, progress: progress)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出学校 (list schools)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇区划代码 (township code)") var township: String?

        func run() async throws {
            let session = try await options.session()
            let operations = session.operations
            let schools = try await perform(options) { try await operations.registry.schools(township: township, actor: session.actor) }
            try options.emit(schools) {
                var table = TextTable(headers: [options.say("学校标识码", "code"), options.say("学校名称", "name"), options.say("类型", "type"), options.say("乡镇", "township"), options.say("学生数", "students")])
                table.rows = schools.map { [$0.code, $0.name, $0.type.label(options.language), $0.townshipName ?? $0.township, "\($0.students ?? 0)"] }
                return table.rendered + "\n" + options.say("共\(schools.count)所", "\(schools.count) schools")
            }
        }
    }
}
