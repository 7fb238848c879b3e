import ArgumentParser
import BaoxueCSV
import BaoxueContracts

/// `baoxue absence report|import`: schools report children missing from class.
struct AbsenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absence", abstract: "缺课报告 (absence reports)", subcommands: [Report.self, Import.self])

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "报告一名学生某天缺课；不填原因即为无故缺课 (report one absence; no reason means unexplained)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "身份证件号或全国学籍号 (ID or student number)") var student: String
        @Option(help: "日期 YYYY-MM-DD，默认今天 (date; today when omitted)") var date: String?
        @Option(help: "缺课原因，如 病假、事假 (reason, e.g. sick leave)") var reason: String?

        var form: AbsenceForm { AbsenceForm(student: student, date: date, reason: reason) }

        func run() async throws {
            let report = try checked(options) { try form.request(today: Timestamp.todayInChina()) }
            let day = report.date
            let session = try await options.session()
            try await perform(options) { try await session.operations.monitor.reportAbsence(report, actor: session.actor) }
            let kind = (reason ?? "").isEmpty ? options.say("无故缺课", "unexplained") : options.say("请假：\(reason ?? "")", "leave: \(reason ?? "")")
            try options.emit(["recorded": true]) { options.say("已记录 \(day) 缺课（\(kind)）", "Recorded the absence on \(day) (\(kind))") }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入学校每日缺课CSV：学校标识码,日期,身份证件号,缺课原因 (import a school's daily absence CSV)")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var file: ImportFileArguments

        func run() async throws {
            try await runImport(file, options: options, label: options.say("导入缺课", "absences")) { operations, actor, data, progress in
                try await operations.monitor.importAbsences(data, encoding: file.encoding, sheet: file.sheet, allowExtraColumns: file.allowExtraColumns, actor: actor, progress: progress)
            }
        }
    }
}
