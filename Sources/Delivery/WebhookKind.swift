/// What a webhook speaks: our own JSON (`generic`), or a group chat robot's text message:
/// 企业微信 (`wecom`) or 钉钉 (`dingtalk`). Robots answer HTTP 200 even when they refuse, with
/// `errcode` in the body, so the kind also decides how an answer is read.
public enum WebhookKind: String, Codable, Sendable, CaseIterable {
    case generic, wecom, dingtalk

    /// Robots carry a text message, limited in size: 企业微信 2,048 bytes, 钉钉 20,000.
    var contentLimit: Int? {
        switch self {
        case .generic: nil
        case .wecom: 2_048
        case .dingtalk: 20_000
        }
    }
}
