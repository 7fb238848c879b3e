import ArgumentParser
import BaoxueContracts
import Foundation

/// `baoxue services status`.
struct ServicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "services", abstract: "服务状态 (services)", subcommands: [Status.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "各服务是否在线、事件序号、数据量 (is each service up, its event sequence, its counts)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "只查看一个服务 (probe one service only)") var service: ServiceName?

        func run() async throws {
            let session = try await options.session()
            let operations = session.operations
            let probes = await operations.services.status(actor: session.actor).filter { service == nil || $0.service == service?.rawValue }
            try options.emit(probes) {
                var table = TextTable(headers: [options.say("服务", "service"), options.say("状态", "state"), options.say("地址", "endpoint"), options.say("进程", "pid"), options.say("事件序号", "last seq"), options.say("数据", "counts"), options.say("跟随", "follows"), options.say("耗时", "latency")])
                table.rows = probes.map { probe in
                    guard let health = probe.health else {
                        return [probe.service, options.say("无响应", "DOWN"), probe.endpoint, "", "", "", "", ""]
                    }
                    let counts = health.counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                    // Whom the service follows: cursor/announced, and whether it is stale or diverged.
                    let follows = health.subscriptions.map { follow in
                        "\(follow.publisher) \(follow.cursor)/\(follow.publisherSeq)"
                            + (follow.stale ? options.say(" 失联", " stale") : "") + (follow.diverged ? options.say(" 序号倒退", " diverged") : "")
                    }.joined(separator: " ")
                    return [probe.service, options.say("在线", "up"), probe.endpoint, "\(health.pid)", "\(health.lastSeq)", counts, follows, String(format: "%.1f ms", probe.milliseconds ?? 0)]
                }
                return table.rendered
            }
            if probes.contains(where: { $0.health == nil }) { throw ExitCode(3) }
        }
    }
}
