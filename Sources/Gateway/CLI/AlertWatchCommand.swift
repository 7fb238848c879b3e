import ArgumentParser
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// `baoxue alert watch`: prints alerts as they arrive from the gateway's stream, reconnects by
/// itself and resumes after the last alert it printed, so nothing is missed or printed twice.
struct AlertWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "实时接收预警，断线自动重连续传 (watch alerts as they arrive; reconnects and resumes by itself)")
    @OptionGroup var options: GlobalOptions
    @Option(help: "乡镇代码（县级用户可选）(township code, for county users)") var township: String?
    @Option(help: "网关地址，默认 gateway.http (the gateway's HTTP address)") var url: String?
    @Option(name: .customLong("from"), help: "从该事件编号之后续传 (resume after this event id)") var from: Int64?
    @Option(help: "收到这么多条后退出（脚本用）(exit after this many alerts)") var count: Int?

    func run() async throws {
        let configuration = try await options.configuration()
        guard let token = options.token ?? ProcessInfo.processInfo.environment["BAOXUE_TOKEN"], !token.isEmpty else {
            throw CommandFailure(options.say(
                "alert watch 通过HTTP预警流接收，需要用户令牌：--token 或环境变量 BAOXUE_TOKEN（baoxue user add 创建）",
                "alert watch reads the HTTP alert stream and needs a user token: --token or BAOXUE_TOKEN (create one with baoxue user add)"), exitCode: 2)
        }
        let address = url ?? "http://" + configuration.reader.string(forKey: "gateway.http", default: "127.0.0.1:8080")
        var components = URLComponents(string: address.hasSuffix("/") ? String(address.dropLast()) : address)
        components?.path = "/api/v1/alerts/stream"
        if let township { components?.queryItems = [URLQueryItem(name: "township", value: township)] }
        guard let streamURL = components?.url else {
            throw CommandFailure(options.say("--url 无效：\(address)", "--url is not a URL: \(address)"), exitCode: 2)
        }
        var last = from.map(String.init)
        var received = 0
        var delay = Duration.milliseconds(500)
        while true {
            let (client, _) = EventStreamClient.open(url: streamURL, token: token, lastEventID: last, language: options.language == .en ? "en" : "zh-CN")
            do {
                for try await event in client.events where event.event == "alert" {
                    delay = .milliseconds(500)
                    guard let alert = try? WireCoding.decode(Alert.self, from: Data(event.data.utf8)) else { continue }
                    last = event.id ?? last
                    if options.json {
                        print("{\"id\":\(event.id ?? "null"),\"alert\":\(event.data)}")
                    } else {
                        print("[\(event.id ?? "")] \(alert.createdAt.prefix(16)) \(MonitorText.state(alert.state, options.language)) \(alert.rule.label(options.language)): \(alert.text(options.language))")
                    }
                    fflush(nil)
                    received += 1
                    if let count, received >= count { return }
                }
            } catch EventStreamClient.Failure.status(let status, let body) where status == 401 || status == 403 || status == 400 {
                throw CommandFailure(options.say("预警流拒绝了请求（HTTP \(status)）：\(body)", "the alert stream refused the request (HTTP \(status)): \(body)"), exitCode: 1)
            } catch {
                FileHandle.standardError.write(Data(options.say("连接中断，\(delay)后重连：\(error)\n", "connection lost; reconnecting in \(delay): \(error)\n").utf8))
            }
            try await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(10))
        }
    }
}
