import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

/// `baoxue webhook …` and `baoxue alert deliveries|resend` as a county admin uses them on the
/// gateway's host: keys never printed, mistakes refused with what to do.
@Suite struct WebhookCLITests {
    @Test func aCountyAdminManagesWebhooksAndNeverSeesTheirKeys() async throws {
        let directory = TemporaryDirectory("baoxue-webhook-cli")
        defer { directory.remove() }
        // No service is there, and nothing listens at the webhook's address.
        let closed = ClosedPort()
        let nowhere = try directory.write("gateway.yaml", Data("gateway:\n  registry: \(closed.endpoint)\n  monitor: \(closed.endpoint)\n".utf8))
        let common = ["--data", directory.file("data"), "--config", nowhere]
        let unreachable = "http://127.0.0.1:\(closed.port)/cgi-bin/webhook/send?key=ROBOT-SECRET"

        let added = try await runProduct("baoxue", ["webhook", "add", "--name", "城关镇", "--kind", "wecom", "--township", "510123101", "--url", unreachable] + common)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("key=***") && !added.stdout.contains("ROBOT-SECRET"))
        let twice = try await runProduct("baoxue", ["webhook", "add", "--name", "城关镇", "--county", "--url", "https://example.org/x"] + common)
        #expect(twice.status == 1 && twice.stderr.contains("已有名为城关镇"))
        let badURL = try await runProduct("baoxue", ["webhook", "add", "--name", "x", "--county", "--url", "ftp://example.org/x", "--lang", "en"] + common)
        #expect(badURL.status == 1 && badURL.stderr.contains("only http and https"))
        let noTarget = try await runProduct("baoxue", ["webhook", "add", "--name", "x", "--url", "https://example.org/x"] + common)
        #expect(noTarget.status == 1 && noTarget.stderr.contains("--county"))

        let list = try await runProduct("baoxue", ["webhook", "list", "--json"] + common)
        #expect(list.status == 0)
        #expect(list.stdout.contains("key=***") && !list.stdout.contains("ROBOT-SECRET"))

        // A test message to a receiver that is not there: exit 1, the address masked.
        let test = try await runProduct("baoxue", ["webhook", "test", "城关镇"] + common)
        #expect(test.status == 1)
        #expect(test.stdout.contains("未收到测试消息") && !test.stdout.contains("ROBOT-SECRET"))

        #expect(try await runProduct("baoxue", ["alert", "deliveries", "--failed"] + common).status == 0)
        #expect(try await runProduct("baoxue", ["alert", "resend"] + common).status == 2)
        #expect(try await runProduct("baoxue", ["webhook", "remove", "城关镇"] + common).status == 0)
        let gone = try await runProduct("baoxue", ["webhook", "remove", "城关镇", "--lang", "en"] + common)
        #expect(gone.status == 1 && gone.stderr.contains("no webhook named"))

        // The audit log names each change.
        let audit = try await runProduct("baoxue", ["audit", "list", "--action", "webhook.add"] + common)
        #expect(audit.stdout.contains("webhook.add") && !audit.stdout.contains("ROBOT-SECRET"))
        closed.close()
    }

    @Test func aBadWebhookLineInTheConfigurationStopsTheGateway() async throws {
        let directory = TemporaryDirectory("baoxue-webhook-config")
        defer { directory.remove() }
        let config = try directory.write("gateway.yaml", Data("""
            gateway:
              webhooks:
                - "name=城关镇 kind=wecom township=51012310 url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K"
            """.utf8))
        let serve = try await runProduct("baoxue", ["serve", "--config", config, "--data", directory.file("data"), "--http", "127.0.0.1:0"], timeout: .seconds(60))
        #expect(serve.status == 1)
        #expect(serve.stderr.contains("gateway.webhooks 第1项"))
        #expect(serve.stderr.contains("9位数字"))
    }
}
