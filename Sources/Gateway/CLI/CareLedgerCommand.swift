import ArgumentParser
import BaoxueCSV
import BaoxueContracts
import Foundation

/// `baoxue care ledger list|record|import|flagged|export`: civil affairs' ledger of left-behind
/// children (留守儿童台账).
struct CareLedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "留守儿童台账 (the left-behind ledger)", subcommands: [List.self, Record.self, Import.self, Flagged.self, Export.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出台账，默认在册的，电话已脱敏 (list the ledger; on it by default; phones masked)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "在册或不在册 (state)") var state: LedgerState?
        @Option(help: "原因 (reason)") var reason: LedgerReason?
        @Flag(name: .customLong("without-surrogate"), help: "只列未落实代理家长的 (only those without a surrogate parent)") var withoutSurrogate = false
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: CareLedgerListForm {
            CareLedgerListForm(township: township, school: school, state: state?.rawValue, reason: reason?.rawValue, withoutSurrogate: withoutSurrogate ? "true" : nil, limit: String(limit))
        }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let entries = try await perform(options) { try await session.operations.care.ledger(query, actor: session.actor) }
            try options.emit(entries) { CareText.entries(entries, options.language) }
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记或更新一名儿童的家庭情况（按民政认定标准判断是否在册）(record a child's family situation)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID or student number)") var student: String
        @Option(help: "父亲情况：在家,外出务工,无监护能力 (father's situation)") var father: ParentSituation
        @Option(name: .customLong("father-place"), help: "父亲务工地 (where the father works)") var fatherPlace: String?
        @Option(name: .customLong("father-reason"), help: "父亲无监护能力原因 (why the father cannot care)") var fatherReason: String?
        @Option(name: .customLong("father-name"), help: "父亲姓名 (father's name)") var fatherName: String?
        @Option(name: .customLong("father-phone"), help: "父亲电话 (father's phone)") var fatherPhone: String?
        @Option(help: "母亲情况：在家,外出务工,无监护能力 (mother's situation)") var mother: ParentSituation
        @Option(name: .customLong("mother-place"), help: "母亲务工地 (where the mother works)") var motherPlace: String?
        @Option(name: .customLong("mother-reason"), help: "母亲无监护能力原因 (why the mother cannot care)") var motherReason: String?
        @Option(name: .customLong("mother-name"), help: "母亲姓名 (mother's name)") var motherName: String?
        @Option(name: .customLong("mother-phone"), help: "母亲电话 (mother's phone)") var motherPhone: String?
        @Option(help: "实际监护人姓名 (the actual guardian)") var guardian: String
        @Option(help: "与儿童关系：祖父母,外祖父母,父母,兄姐,其他亲属,亲友,其他 (relation)") var relation: GuardianRelation
        @Option(name: .customLong("guardian-age"), help: "监护人年龄 (guardian's age)") var guardianAge: String?
        @Option(name: .customLong("guardian-phone"), help: "监护人电话 (guardian's phone)") var guardianPhone: String?
        @Option(name: .customLong("guardian-health"), help: "监护人健康状况：健康,一般,体弱多病,残疾 (guardian's health)") var guardianHealth: GuardianHealth?
        @Option(help: "儿童主任 (the village's children's director)") var director: String?
        @Option(name: .customLong("director-phone"), help: "儿童主任电话 (director's phone)") var directorPhone: String?
        @Option(help: "儿童督导员 (the township's children's supervisor)") var supervisor: String?
        @Option(name: .customLong("supervisor-phone"), help: "儿童督导员电话 (supervisor's phone)") var supervisorPhone: String?
        @Option(name: .customLong("entered-on"), help: "登记日期，默认今天 (registration date; today when omitted)") var enteredOn: String?

        var form: LedgerRecordForm {
            let values: [(LedgerField, String?)] = [
                (.fatherSituation, father.rawValue), (.fatherPlace, fatherPlace), (.fatherReason, fatherReason), (.fatherName, fatherName), (.fatherPhone, fatherPhone),
                (.motherSituation, mother.rawValue), (.motherPlace, motherPlace), (.motherReason, motherReason), (.motherName, motherName), (.motherPhone, motherPhone),
                (.guardianName, guardian), (.guardianRelation, relation.rawValue), (.guardianAge, guardianAge), (.guardianPhone, guardianPhone), (.guardianHealth, guardianHealth?.rawValue),
                (.directorName, director), (.directorPhone, directorPhone), (.supervisorName, supervisor), (.supervisorPhone, supervisorPhone), (.enteredOn, enteredOn),
            ]
            var fields: [LedgerField: String] = [:]
            for (field, value) in values { if let value { fields[field] = value } }
            return LedgerRecordForm(student: student, fields: fields)
        }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let entry = try await perform(options) { try await session.operations.care.recordChild(request, actor: session.actor) }
            try options.emit(entry) { CareText.entry(entry, options.language) }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入民政留守儿童台账（CSV、.xlsx或.xls，按表头识别列）(import civil affairs' ledger: CSV, .xlsx or .xls)")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var file: ImportFileArguments

        func run() async throws {
            try await runImport(file, options: options, label: options.say("导入台账", "ledger")) { operations, actor, data, progress in
                try await operations.care.importLedger(data, encoding: file.encoding, sheet: file.sheet, allowExtraColumns: file.allowExtraColumns, actor: actor, progress: progress)
            }
        }
    }

    struct Flagged: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "学籍标为留守但不在台账的儿童及原因 (children the schools flagged who are not on the ledger, and why)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: CareScopeForm { CareScopeForm(township: township, school: school, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let children = try await perform(options) { try await session.operations.care.flagged(query, actor: session.actor) }
            try options.emit(children) { CareText.flagged(children, options.language) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导出留守儿童台账：.xlsx为Excel工作簿，其他为CSV（UTF-8带BOM）；学籍号与电话已脱敏 (export the ledger: .xlsx writes a workbook, anything else CSV; masked)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "在册或不在册 (state)") var state: LedgerState?
        @Option(help: "输出文件，.xlsx 或 .csv (output file, .xlsx or .csv)") var out: String

        var form: CareLedgerListForm { CareLedgerListForm(township: township, school: school, state: state?.rawValue, limit: nil) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let table = try await perform(options) { try await session.operations.care.exportLedger(query, actor: session.actor) }
            do {
                let data = ExportFormat(path: out) == .xlsx
                    ? try LedgerCSV.workbook(title: "留守儿童台账", headers: table.headers, rows: table.rows) : LedgerCSV.render(headers: table.headers, rows: table.rows)
                try data.write(to: URL(fileURLWithPath: out))
            } catch {
                throw CommandFailure(options.say("无法写入\(out)：\(error.localizedDescription)", "cannot write \(out): \(error.localizedDescription)"))
            }
            try options.emit(["file": out, "rows": String(table.rows.count)]) {
                options.say("已导出留守儿童台账：\(out)（\(table.rows.count)行）", "Exported the left-behind ledger: \(out) (\(table.rows.count) rows)")
            }
        }
    }
}
