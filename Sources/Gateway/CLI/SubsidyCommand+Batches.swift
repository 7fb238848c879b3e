import ArgumentParser
import BaoxueCSV
import BaoxueContracts

/// Disbursement batches, their payments, reissues and the bank's results.
extension SubsidyCommand {
    struct Disburse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "发放批次：为某项目某学期每名符合条件的学生记录一笔发放（县级）(run a disbursement batch; county roles)",
            discussion: "例：baoxue subsidy disburse --term 2026秋 --program compulsory-primary-boarder --dry-run\n再次运行不会重复发放：已发放者计为“此前已发放”。(Running it again pays no one twice.)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学期 (term)") var term: String
        @Option(help: "项目编号 (program id)") var program: String
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "批次日期，默认今天 (batch date; today when omitted)") var date: String?
        @Flag(name: .customLong("dry-run"), help: "只试算，不记录 (work it out, record nothing)") var dryRun = false

        var form: DisbursementForm { DisbursementForm(term: term, program: program, township: township, school: school, date: date, dryRun: dryRun) }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let report = try await perform(options) { try await session.operations.subsidy.disburse(request, actor: session.actor) }
            try options.emit(report) { SubsidyText.batch(report, options.language) }
        }
    }

    struct Batches: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "发放批次列表 (batches, newest first)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学期 (term)") var term: String?
        @Option(help: "项目编号 (program id)") var program: String?
        @Option(help: "条数 ≤1000 (at most this many)") var limit: Int = 100

        var form: BatchListForm { BatchListForm(term: term, program: program, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let batches = try await perform(options) { try await session.operations.subsidy.batches(query, actor: session.actor) }
            try options.emit(batches) { SubsidyText.batches(batches, options.language) }
        }
    }

    struct Batch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "一个批次及其排除名单（含原因）(one batch and the children it left out, with reasons)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "批次编号 (batch id)") var id: Int64

        func run() async throws {
            let session = try await options.session()
            let report = try await perform(options) { try await session.operations.subsidy.batch(id, actor: session.actor) }
            try options.emit(report) { SubsidyText.batch(report, options.language) }
        }
    }

    struct Payments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "发放记录（学籍号已脱敏；按学生查询记入审计）(payments, masked; one child's is audited)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学期 (term)") var term: String?
        @Option(help: "项目编号 (program id)") var program: String?
        @Option(help: "批次编号 (batch id)") var batch: Int64?
        @Option(help: "状态 pending|paid|failed (state)") var state: PaymentState?
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "身份证件号或全国学籍号 (one child, by ID number or student number)") var student: String?
        @Option(help: "条数 ≤1000 (at most this many)") var limit: Int = 100

        var form: PaymentListForm {
            PaymentListForm(term: term, program: program, batch: batch.map(String.init), state: state?.rawValue, township: township, school: school, student: student, limit: String(limit))
        }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let payments = try await perform(options) { try await session.operations.subsidy.payments(query, actor: session.actor) }
            try options.emit(payments) { SubsidyText.payments(payments, options.language) }
        }
    }

    struct Reissue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "补发一笔失败的发放（更正后，只能补发一次）(reissue a failed payment once corrected)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "支付编号 (payment id)") var id: Int64
        @Option(help: "更正了什么，如“已更正银行卡号” (what was corrected)") var note: String

        var form: ReissueForm { ReissueForm(note: note) }

        func run() async throws {
            let request = try checked(options) { try form.request(id: id) }
            let session = try await options.session()
            let payment = try await perform(options) { try await session.operations.subsidy.reissue(request, actor: session.actor) }
            try options.emit(payment) { SubsidyText.payments([payment], options.language) }
        }
    }

    struct BankResults: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bank-results",
            abstract: "导入银行代发回盘：支付编号,处理结果,失败原因（及身份证件号、金额、处理日期）(import the bank's results)")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var file: ImportFileArguments

        func run() async throws {
            try await runImport(file, options: options, label: options.say("导入银行回盘", "bank results")) { operations, actor, data, progress in
                try await operations.subsidy.importBankResults(data, encoding: file.encoding, sheet: file.sheet, allowExtraColumns: file.allowExtraColumns, actor: actor, progress: progress)
            }
        }
    }
}
