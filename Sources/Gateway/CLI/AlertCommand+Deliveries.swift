import ArgumentParser
import BaoxueContracts
import Delivery

extension AlertCommand {
    /// `baoxue alert deliveries`: what was pushed to which webhook, and what failed.
    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "预警推送记录，最新在前 (webhook deliveries, newest first)")
        @OptionGroup var options: GlobalOptions
        @Flag(help: "只看失败和已放弃的 (only failed and dead ones)") var failed = false
        @Option(help: "状态 pending|delivered|failed|dead (state)") var state: String?
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        func run() async throws {
            let stateValue = try state.map { text in
                guard let value = DeliveryState(rawValue: text) else { throw CommandFailure(options.say("未知状态：\(text)，可用 pending、delivered、failed、dead", "unknown state: \(text); use pending, delivered, failed or dead"), exitCode: 2) }
                return value
            }
            guard (1...1_000).contains(limit) else { throw CommandFailure(options.say("--limit 应为1–1000", "--limit must be 1–1000"), exitCode: 2) }
            let session = try await options.session()
            let hub = try await options.deliveryHub()
            let records = try await perform(options) {
                try await session.operations.deliveries.deliveries(DeliveryQuery(failedOnly: failed, state: stateValue, township: township, limit: limit), queue: hub.deliveries, actor: session.actor)
            }
            try options.emit(records) { DeliveryText.deliveries(records, options.language) }
        }
    }
}
