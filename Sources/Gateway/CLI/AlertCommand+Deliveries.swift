import ArgumentParser
import BaoxueContracts
import Delivery

extension AlertCommand {
    /// `baoxue alert deliveries`: what was pushed to which webhook, and what failed.
    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "预警推送记录，最新在前 (webhook deliveries, newest first)")
        @OptionGroup var options: GlobalOptions
        @Flag(help: "只看失败和已放弃的 (only failed and dead ones)") var failed = false
        @Option(help: "状态 (state)") var state: DeliveryState?
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: DeliveryListForm { DeliveryListForm(failed: failed ? "true" : nil, state: state?.rawValue, township: township, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let hub = try await options.deliveryHub()
            let records = try await perform(options) { try await session.operations.deliveries.deliveries(query, queue: hub.deliveries, actor: session.actor) }
            try options.emit(records) { DeliveryText.deliveries(records, options.language) }
        }
    }
}
