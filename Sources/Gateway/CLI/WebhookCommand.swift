import ArgumentParser
import BaoxueContracts
import Delivery

/// `baoxue webhook add|list|remove|test`: where alerts are pushed — a township's, a school's or
/// the county's 企业微信 or 钉钉 group robot, or a generic receiver. County admins manage them;
/// addresses are shown with their keys hidden.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook", abstract: "预警推送渠道（县级管理员）(alert webhooks; county admins)",
        subcommands: [Add.self, List.self, Remove.self, Test.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "添加推送渠道 (add a webhook)",
            discussion: "例：baoxue webhook add --name 城关镇 --kind wecom --township 510123101 --url 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'  钉钉机器人请把关键词设为“保学”。(DingTalk robots: set the keyword to 保学.)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "名称，命令中用它指代 (name used in commands)") var name: String
        @Option(help: "地址 http(s)://… (URL)") var url: String
        @Option(help: "类型：generic 通用JSON，wecom 企业微信，dingtalk 钉钉 (kind)") var kind: WebhookKind = .generic
        @Option(help: "乡镇代码，9位：推送该乡镇的预警 (9-digit township: its alerts)") var township: String?
        @Option(help: "学校标识码，10位：推送该校的预警 (10-digit school: its alerts)") var school: String?
        @Flag(help: "县级渠道：紧急预警与超时未签收的升级 (the county's channel: urgent alerts and escalations)") var county = false
        @Option(help: "代理家长编号：推送关爱服务发给该代理家长的提醒 (a surrogate parent's id: the care notices about their children)") var surrogate: Int64?

        func run() async throws {
            let session = try await options.session()
            let hub = try await options.deliveryHub()
            let webhook = try await perform(options) {
                try await session.operations.deliveries.addWebhook(try WebhookDefinition(name: name, url: url, kind: kind.rawValue, township: township, school: school, county: county, surrogate: surrogate), store: hub.webhooks, actor: session.actor)
            }
            try options.emit(webhook) {
                options.say(
                    "已添加推送渠道 \(webhook.name)（\(DeliveryText.kind(webhook.kind, .zh))，\(DeliveryText.target(webhook.target, .zh))）：\(webhook.url.masked)\n运行中的网关会在几秒内开始推送；先试一下：baoxue webhook test \(webhook.name)",
                    "Added webhook \(webhook.name) (\(DeliveryText.kind(webhook.kind, .en)), \(DeliveryText.target(webhook.target, .en))): \(webhook.url.masked)\nA running gateway starts delivering within seconds; try it first: baoxue webhook test \(webhook.name)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出推送渠道（地址隐去密钥）(list webhooks, keys hidden)")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let session = try await options.session()
            let hub = try await options.deliveryHub()
            let webhooks = try await perform(options) { try await session.operations.deliveries.webhooks(hub.webhooks, actor: session.actor) }
            try options.emit(webhooks) { DeliveryText.webhooks(webhooks, options.language) }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "删除推送渠道；其未送达的推送不再发送 (remove a webhook; its undelivered messages are given up)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "名称 (name)") var name: String

        func run() async throws {
            let session = try await options.session()
            let hub = try await options.deliveryHub()
            let webhook = try await perform(options) { try await session.operations.deliveries.removeWebhook(named: name, store: hub.webhooks, actor: session.actor) }
            try options.emit(webhook) { options.say("已删除推送渠道 \(webhook.name)", "Removed webhook \(webhook.name)") }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "立即发送一条测试消息并显示结果 (send a test message now and show the result)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "名称 (name)") var name: String

        func run() async throws {
            let session = try await options.session()
            let hub = try await options.deliveryHub()
            let result = try await perform(options) { try await session.operations.deliveries.testWebhook(named: name, store: hub.webhooks, actor: session.actor) }
            try options.emit(result) {
                result.delivered
                    ? options.say("\(result.webhook) 已收到测试消息（HTTP \(result.status ?? 0)，\(result.milliseconds) ms）：\(result.url)", "\(result.webhook) took the test message (HTTP \(result.status ?? 0), \(result.milliseconds) ms): \(result.url)")
                    : options.say("\(result.webhook) 未收到测试消息：\(Localized.pick(result.error ?? "", .zh))（\(result.url)）。请检查地址、机器人密钥和关键词“保学”", "\(result.webhook) did not take the test message: \(Localized.pick(result.error ?? "", .en)) (\(result.url)); check the URL, the robot's key and its keyword 保学")
            }
            if !result.delivered { throw ExitCode(1) }
        }
    }
}
