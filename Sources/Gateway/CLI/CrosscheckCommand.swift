import ArgumentParser
import BaoxueContracts

/// `baoxue crosscheck run|list|verify`: 四查三比对, DOMAIN.md rule 5.
struct CrosscheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck", abstract: "四查三比对：户籍、学籍、在校、建档立卡比对，疑似辍学核查 (the cross-check and its suspects)",
        subcommands: [Run.self, List.self, Verify.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "运行比对，更新疑似辍学台账并发出预警（县级）(run the cross-check; county roles)")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let session = try await options.session()
            let operations = session.operations
            let report = try await perform(options) { try await operations.crosscheck.runCrosscheck(actor: session.actor) }
            try options.emit(report) { CrosscheckText.report(report, options.language) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "疑似辍学儿童（建档立卡户在前，证件号已脱敏）(suspects, registered-poor first, masked)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "原因，代码或中文 (reason, by code or Chinese label)") var reason: CrosscheckReason?
        @Option(help: "状态，默认 open (state; default open)") var state: SuspectState?
        @Option(help: "条数 ≤1000 (at most this many)") var limit: Int = 100

        var form: SuspectListForm { SuspectListForm(township: township, school: school, reason: reason?.rawValue, state: state?.rawValue, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let operations = session.operations
            let suspects = try await perform(options) { try await operations.crosscheck.suspects(query, actor: session.actor) }
            let townships = await session.townshipNames(options)
            try options.emit(suspects) { CrosscheckText.list(suspects, options.language, townships: townships) }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记核查结果；确认失学则立案劝返 (record what checking on a suspect found; confirmed opens a case)",
            discussion: "类别 (categories): \(SuspectCategory.accepted)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "疑似编号（crosscheck list 的编号）(the suspect's id, from crosscheck list)") var id: Int64
        @Option(help: "核查类别，如 enrolledElsewhere、confirmed 或中文“县外在读”“确认失学辍学” (category)") var category: SuspectCategory
        @Option(help: "证明材料（在读、出境、死亡须填）(proof; required for enrolled, abroad, deceased)") var proof: String?
        @Option(help: "备注 (note)") var note: String?

        var form: VerificationForm { VerificationForm(category: category.rawValue, proof: proof, note: note) }

        func run() async throws {
            let request = try checked(options) { try form.request(id: id) }
            let session = try await options.session()
            let operations = session.operations
            let suspect = try await perform(options) { try await operations.crosscheck.verifySuspect(request, actor: session.actor) }
            try options.emit(suspect) { CrosscheckText.verified(suspect, options.language) }
        }
    }
}
