import BaoxueContracts
import BaoxueService
import Configuration
import Delivery

/// The webhook configuration of the gateway (`config/gateway.yaml`), checked at start:
///
/// | key | type | default |
/// |---|---|---|
/// | `gateway.webhooks` | list of `name=… url=… kind=generic\|wecom\|dingtalk township=…\|school=…\|county=true` lines | none |
/// | `gateway.delivery.maxAttempts` | 1–100 | 8 |
/// | `gateway.delivery.backoffBaseSeconds` | 1–3600 | 2 |
/// | `gateway.delivery.backoffCapSeconds` | 1–86400, ≥ base | 600 |
/// | `gateway.delivery.timeoutSeconds` | 1–120 | 10 |
/// | `gateway.escalation.afterMinutes` | 1–10080 | 240 |
/// | `gateway.digest.time` | `HH:MM`, county time (UTC+8) | `08:00` |
/// | `gateway.delivery.newStore` | `present` or `history`: what a delivery store made anew sends | `present` |
///
/// A wrong value stops the gateway with `config.invalid` naming the key, rather than running
/// with a default nobody chose.
struct DeliverySettings: Sendable {
    var webhooks: [WebhookDefinition] = []
    var policy = DeliveryPolicy()
    var escalationAfterMinutes = 240
    var digest = DigestSchedule()
    /// A delivery store made anew delivers only events written from then on (decision 123).
    var newStoreFromPresent = true

    init() {}

    init(_ reader: ConfigReader) throws {
        for (index, line) in (reader.stringArray(forKey: "gateway.webhooks") ?? []).enumerated() {
            do {
                webhooks.append(try WebhookDefinition(line: line))
            } catch {
                throw ServiceError(.configInvalid, "gateway.webhooks 第\(index + 1)项：\(Localized.pick(error.message, .zh)) (gateway.webhooks item \(index + 1): \(Localized.pick(error.message, .en)))")
            }
        }
        let names = webhooks.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw ServiceError(.configInvalid, "gateway.webhooks 中名称\(duplicate)重复 (gateway.webhooks names \(duplicate) twice)")
        }
        func int(_ key: String, _ range: ClosedRange<Int>, default fallback: Int) throws -> Int {
            guard let value = reader.int(forKey: ConfigKey(key)) ?? reader.string(forKey: ConfigKey(key)).flatMap({ Int($0) }) else {
                if let text = reader.string(forKey: ConfigKey(key)) {
                    throw ServiceError(.configInvalid, "\(key) = \(text)：应为\(range.lowerBound)–\(range.upperBound)的整数 (must be a whole number \(range.lowerBound)–\(range.upperBound))")
                }
                return fallback
            }
            guard range.contains(value) else {
                throw ServiceError(.configInvalid, "\(key) = \(value)：应为\(range.lowerBound)–\(range.upperBound) (must be \(range.lowerBound)–\(range.upperBound))")
            }
            return value
        }
        let base = try int("gateway.delivery.backoffBaseSeconds", 1...3_600, default: 2)
        let cap = try int("gateway.delivery.backoffCapSeconds", base...86_400, default: max(600, base))
        policy = DeliveryPolicy(
            maxAttempts: try int("gateway.delivery.maxAttempts", 1...100, default: 8),
            backoffBase: .seconds(base), backoffCap: .seconds(cap),
            attemptTimeout: .seconds(try int("gateway.delivery.timeoutSeconds", 1...120, default: 10)))
        escalationAfterMinutes = try int("gateway.escalation.afterMinutes", 1...10_080, default: 240)
        switch reader.string(forKey: "gateway.delivery.newStore") {
        case nil, "present"?: newStoreFromPresent = true
        case "history"?: newStoreFromPresent = false
        case let other?:
            throw ServiceError(.configInvalid, "gateway.delivery.newStore = \(other)：应为 present 或 history (must be present or history)")
        }
        if let time = reader.string(forKey: "gateway.digest.time") {
            digest = try DigestSchedule(time: time)
        }
    }
}
