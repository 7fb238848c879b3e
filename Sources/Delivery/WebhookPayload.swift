import BaoxueContracts
import BaoxueMessaging
import Foundation

/// The bodies the gateway posts, in Chinese: our own JSON for `generic` receivers (the alert and
/// its event id, or the escalation or digest, with the text too), and the text message of the
/// 企业微信 and 钉钉 group robots (`{"msgtype":"text","text":{"content":"…"}}`). Every text starts
/// with 【保学】: a 钉钉 robot with a keyword rule drops messages without its keyword, and this is
/// the keyword to configure.
public enum WebhookPayload {
    /// The keyword every message carries.
    public static let keyword = "保学"

    /// One alert event: opened, acknowledged or resolved.
    public static func alert(_ entry: FeedEntry, kind: WebhookKind) -> Data {
        let text = alertText(entry.alert)
        switch kind {
        case .generic: return json(["event": "alert", "id": entry.seq, "text": text, "alert": object(entry.alert)])
        case .wecom, .dingtalk: return robotText(text, kind: kind)
        }
    }

    /// An alert nobody acknowledged in time, to the county; `reason` says for how long.
    public static func escalation(_ entry: FeedEntry, reason: String, kind: WebhookKind) -> Data {
        let alert = entry.alert
        let text = """
            【保学】预警升级至县级：\(reason)
            \(severityLabel(alert.severity))·\(alert.rule.label(.zh))：\(alert.studentName) \(alert.student)
            乡镇 \(alert.township)，学校 \(alert.school)，产生于 \(countyTime(alert.createdAt))
            \(alert.text)
            请督促乡镇、学校签收并处理：baoxue alert ack \(alert.id)
            """
        switch kind {
        case .generic: return json(["event": "escalation", "id": entry.seq, "reason": reason, "text": text, "alert": object(alert)])
        case .wecom, .dingtalk: return robotText(text, kind: kind)
        }
    }

    /// A township's daily digest.
    public static func digest(_ digest: TownshipDigest, kind: WebhookKind) -> Data {
        var lines = [
            "【保学】\(digest.day) 乡镇 \(digest.township) 控辍保学每日汇总",
            "待签收预警 \(digest.openAlerts.count) 条，已签收未解除 \(digest.acknowledgedAlerts) 条，劝返中案件 \(digest.openCases) 件，走访逾期 \(digest.overdueVisits.count) 件",
        ]
        if !digest.openAlerts.isEmpty {
            lines.append("待签收预警：")
            lines += digest.openAlerts.prefix(10).map { "· 预警\($0.id) \(severityLabel($0.severity)) \($0.rule.label(.zh))：\($0.studentName)（学校 \($0.school)，\(countyTime($0.createdAt))）" }
            if digest.openAlerts.count > 10 { lines.append("· 另有 \(digest.openAlerts.count - 10) 条，见 baoxue alert list --township \(digest.township)") }
        }
        if !digest.overdueVisits.isEmpty {
            lines.append("走访逾期：")
            lines += digest.overdueVisits.prefix(10).map { "· 案件\($0.id) \($0.studentName)（学校 \($0.schoolName ?? $0.school)）应于 \($0.nextVisitOn.map(\.description) ?? "") 走访" }
            if digest.overdueVisits.count > 10 { lines.append("· 另有 \(digest.overdueVisits.count - 10) 件，见 baoxue case list --township \(digest.township)") }
        }
        if digest.openAlerts.isEmpty && digest.overdueVisits.isEmpty { lines.append("今日无待签收预警，无逾期走访。") }
        let text = lines.joined(separator: "\n")
        switch kind {
        case .generic:
            return json([
                "event": "digest", "township": digest.township, "day": digest.day.description, "text": text,
                "openAlerts": digest.openAlerts.map(object), "acknowledgedAlerts": digest.acknowledgedAlerts, "openCases": digest.openCases,
                "overdueVisits": digest.overdueVisits.map { ["caseID": $0.id, "studentName": $0.studentName, "student": $0.student, "school": $0.school, "nextVisitOn": $0.nextVisitOn?.description ?? ""] as [String: Any] },
            ])
        case .wecom, .dingtalk: return robotText(text, kind: kind)
        }
    }

    /// A care notice to a surrogate parent: its text, which names the child by name and school
    /// only (the care service's notices carry no full ID number).
    public static func notice(_ notice: Notice, kind: WebhookKind) -> Data {
        let text = "【保学】" + notice.text
        switch kind {
        case .generic:
            return json([
                "event": "notice", "id": notice.id, "text": text, "surrogate": notice.recipientID, "studentName": notice.studentName,
                "student": notice.student, "school": notice.school, "township": notice.township, "source": notice.source.rawValue, "createdAt": notice.createdAt,
            ])
        case .wecom, .dingtalk: return robotText(text, kind: kind)
        }
    }

    /// `baoxue webhook test`: says which webhook it is and that nothing needs doing.
    public static func test(webhook: String, target: WebhookTarget, kind: WebhookKind, at: String) -> Data {
        let scope = switch target {
        case .township(let code): "乡镇 \(code)"
        case .school(let code): "学校 \(code)"
        case .county: "县级"
        case .surrogate(let id): "代理家长 \(id)"
        }
        let text = "【保学】测试消息：推送渠道“\(webhook)”（\(scope)）已连通，\(countyTime(at))。无需处理。"
        switch kind {
        case .generic: return json(["event": "test", "webhook": webhook, "text": text, "at": at])
        case .wecom, .dingtalk: return robotText(text, kind: kind)
        }
    }

    /// What people read about an alert event, by its state.
    static func alertText(_ alert: Alert) -> String {
        switch alert.state {
        case .open:
            return """
                【保学】\(severityLabel(alert.severity))·\(alert.rule.label(.zh))
                学生：\(alert.studentName) \(alert.student)
                乡镇 \(alert.township)，学校 \(alert.school)
                \(alert.text)
                签收：baoxue alert ack \(alert.id)（预警\(alert.id)）
                """
        case .acknowledged:
            return "【保学】预警\(alert.id)已签收（\(alert.acknowledgedBy ?? "")，\(countyTime(alert.acknowledgedAt ?? ""))）：\(alert.rule.label(.zh))，\(alert.studentName)" + (alert.note.map { "。备注：\($0)" } ?? "")
        case .resolved:
            return "【保学】预警\(alert.id)已解除：\(alert.rule.label(.zh))，\(alert.studentName)" + (alert.resolution.map { "。\(chinese($0))" } ?? "")
        }
    }

    static func severityLabel(_ severity: AlertSeverity) -> String { severity == .urgent ? "紧急" : "预警" }

    /// The Chinese half of a bilingual `中文 (English)` text.
    static func chinese(_ text: String) -> String {
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return text }
        let head = String(text[..<open.lowerBound])
        return head.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) ? head : text
    }

    /// `2026-11-29T03:47:22.123Z` as the county reads it: `2026-11-29 11:47` (UTC+8).
    static func countyTime(_ iso: String) -> String {
        guard let milliseconds = Timestamp.milliseconds(iso8601: iso) else { return iso }
        let local = Timestamp.iso8601(milliseconds: milliseconds + 8 * 3_600_000)
        return "\(local.prefix(10)) \(local.dropFirst(11).prefix(5))"
    }

    /// A robot's text message, cut to what the robot accepts.
    static func robotText(_ text: String, kind: WebhookKind) -> Data {
        json(["msgtype": "text", "text": ["content": truncated(text, toUTF8: kind.contentLimit ?? Int.max)]])
    }

    static func truncated(_ text: String, toUTF8 limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var bytes = 0
        let ellipsis = "…"
        for character in text {
            let size = character.utf8.count
            if bytes + size + ellipsis.utf8.count > limit { break }
            result.append(character)
            bytes += size
        }
        return result + ellipsis
    }

    static func object(_ alert: Alert) -> Any {
        (try? JSONSerialization.jsonObject(with: WireCoding.encode(alert))) ?? [:]
    }

    static func json(_ value: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
