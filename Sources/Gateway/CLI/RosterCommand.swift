import ArgumentParser
import BaoxueCSV
import BaoxueContracts

/// `baoxue roster import`: the household-registration roster of school-age children.
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "户籍适龄人口名单（公安户籍）(the household-registration roster of school-age children)",
        subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入户籍名单CSV：姓名,身份证件号,户籍地区划代码,监护人姓名,监护人电话 (import a roster CSV)")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var file: ImportFileArguments

        func run() async throws {
            try await runImport(file, options: options, label: options.say("导入户籍名单", "roster")) { operations, actor, data, progress in
                try await operations.crosscheck.importRoster(data, encoding: file.encoding, sheet: file.sheet, allowExtraColumns: file.allowExtraColumns, actor: actor, progress: progress)
            }
        }
    }
}
