import BaoxueContracts
import Delivery

/// How webhooks and deliveries read in a terminal: addresses always masked.
enum DeliveryText {
    static func target(_ target: WebhookTarget, _ language: Language) -> String {
        switch target {
        case .township(let code): language.pick("乡镇 \(code)", "township \(code)")
        case .school(let code): language.pick("学校 \(code)", "school \(code)")
        case .county: language.pick("县级", "county")
        case .surrogate(let id): language.pick("代理家长 \(id)", "surrogate parent \(id)")
        }
    }

    static func kind(_ kind: WebhookKind, _ language: Language) -> String {
        switch kind {
        case .generic: "generic"
        case .wecom: language.pick("企业微信", "WeCom")
        case .dingtalk: language.pick("钉钉", "DingTalk")
        }
    }

    static func state(_ state: DeliveryState, _ language: Language) -> String {
        switch state {
        case .pending: language.pick("待发送", "pending")
        case .delivered: language.pick("已送达", "delivered")
        case .failed: language.pick("失败待重试", "failed, will retry")
        case .dead: language.pick("已放弃", "dead")
        }
    }

    static func purpose(_ purpose: DeliveryPurpose, _ language: Language) -> String {
        switch purpose {
        case .alert: language.pick("预警", "alert")
        case .escalation: language.pick("升级", "escalation")
        case .digest: language.pick("每日汇总", "digest")
        case .notice: language.pick("代理家长提醒", "surrogate notice")
        }
    }

    static func webhooks(_ webhooks: [Webhook], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("名称", "name"), language.pick("类型", "kind"), language.pick("范围", "target"), language.pick("地址（已隐去密钥）", "URL (keys hidden)"), language.pick("来源", "source")])
        table.rows = webhooks.map { [$0.name, kind($0.kind, language), target($0.target, language), $0.url.masked, $0.source == "config" ? "gateway.yaml" : "cli"] }
        return table.rendered + "\n" + language.pick("共\(webhooks.count)个推送渠道", "\(webhooks.count) webhooks")
    }

    static func deliveries(_ records: [DeliveryRecord], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("编号", "id"), language.pick("渠道", "webhook"), language.pick("内容", "what"), language.pick("乡镇", "township"), language.pick("状态", "state"), language.pick("次数", "attempts"), language.pick("下次/送达(UTC)", "next/delivered (UTC)"), language.pick("最近错误", "last error")])
        table.rows = records.map { record in
            let what = purpose(record.purpose, language) + (record.alertID.map { " \($0)" } ?? "")
            let when = record.deliveredAt ?? record.nextAttemptAt ?? ""
            return ["\(record.id)", record.webhook + (record.webhookRemoved ? language.pick("（已删除）", " (removed)") : ""), what, record.township, state(record.state, language), "\(record.attempts)", String(when.prefix(19)), Localized.pick(record.lastError ?? "", language)]
        }
        return table.rendered + "\n" + language.pick("共\(records.count)条", "\(records.count) deliveries")
    }
}
