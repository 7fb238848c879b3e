import ArgumentParser
import BaoxueContracts
import Delivery

extension AlertCommand {
    /// `baoxue alert resend ID | --all-dead`: gives failed or dead deliveries fresh attempts; the
    /// running gateway picks them up within seconds.
    struct Resend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "重发失败或已放弃的推送 (resend a failed or dead delivery)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "推送编号，见 baoxue alert deliveries --failed (delivery id)") var id: Int64?
        @Flag(help: "重发全部已放弃的推送 (resend every dead delivery)") var allDead = false
        @Option(help: "与 --all-dead 一起：只重发该乡镇的 (with --all-dead: one township's only)") var township: String?

        func run() async throws {
            guard (id != nil) != allDead else {
                throw CommandFailure(options.say("请给出推送编号，或 --all-dead（二者选一）", "give a delivery id or --all-dead (one of them)"), exitCode: 2)
            }
            let session = try await options.session()
            let hub = try await options.deliveryHub()
            if let id {
                let record = try await perform(options) { try await session.operations.deliveries.resendDelivery(id: id, queue: hub.deliveries, actor: session.actor) }
                try options.emit(record) { options.say("推送\(record.id)（\(record.webhook)）已重新排队", "Delivery \(record.id) (\(record.webhook)) is queued again") }
            } else {
                let count = try await perform(options) { try await session.operations.deliveries.resendDeadDeliveries(township: township, queue: hub.deliveries, actor: session.actor) }
                try options.emit(["resent": count]) { options.say("已重新排队\(count)条推送", "Queued \(count) deliveries again") }
            }
        }
    }
}
