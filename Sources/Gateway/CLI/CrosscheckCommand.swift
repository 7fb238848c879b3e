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
        @Option(help: "原因 rosterNotEnrolled|enrolledNotInClass|poorDropout 或中文 (reason)") var reason: String?
        @Option(help: "状态 open|verified|closed，默认 open (state; default open)") var state: String?
        @Option(help: "条数 ≤1000 (at most this many)") var limit: Int = 100

        func run() async throws {
            var query = SuspectQuery(township: township, school: school, limit: limit)
            if let reason {
                guard let parsed = CrosscheckReason(label: reason) else {
                    throw CommandFailure(options.say("未知原因：\(reason)，可用 \(CrosscheckReason.accepted)", "unknown reason: \(reason); use \(CrosscheckReason.accepted)"), exitCode: 2)
                }
                query.reason = parsed
            }
            if let state {
                guard let parsed = SuspectState(rawValue: state) ?? SuspectState.allCases.first(where: { $0.label(.zh) == state }) else {
                    throw CommandFailure(options.say("未知状态：\(state)，可用 open、verified、closed", "unknown state: \(state); use open, verified or closed"), exitCode: 2)
                }
                query.state = parsed
            }
            let session = try await options.session()
            let operations = session.operations
            let suspects = try await perform(options) { try await operations.crosscheck.suspects(query, actor: session.actor) }
            try options.emit(suspects) { CrosscheckText.list(suspects, options.language) }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记核查结果；确认失学则立案劝返 (record what checking on a suspect found; confirmed opens a case)",
            discussion: "类别 (categories): \(SuspectCategory.accepted)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "疑似编号（crosscheck list 的编号）(the suspect's id, from crosscheck list)") var id: Int64
        @Option(help: "核查类别，如 enrolledElsewhere、confirmed 或中文“县外在读”“确认失学辍学” (category)") var category: String
        @Option(help: "证明材料（在读、出境、死亡须填）(proof; required for enrolled, abroad, deceased)") var proof: String?
        @Option(help: "备注 (note)") var note: String?

        func run() async throws {
            guard let parsed = SuspectCategory(label: category) else {
                throw CommandFailure(options.say("未知核查类别：\(category)\n可用：\(SuspectCategory.accepted)", "unknown category: \(category)\nuse one of: \(SuspectCategory.accepted)"), exitCode: 2)
            }
            let session = try await options.session()
            let operations = session.operations
            let suspect = try await perform(options) { try await operations.crosscheck.verifySuspect(SuspectVerification(id: id, category: parsed, proof: proof, note: note), actor: session.actor) }
            try options.emit(suspect) { CrosscheckText.verified(suspect, options.language) }
        }
    }
}
