import BaoxueContracts
import Foundation

/// A webhook's address, checked when it is configured: http or https, a host, no spaces. Robot
/// addresses carry their key in the query (`…/send?key=…`, `…?access_token=…`), so the address is
/// a secret: ``description`` and ``masked`` hide query values, a `user:password@` and token-like
/// path segments, and every listing and log line uses them; only the sender reads ``raw``.
public struct WebhookURL: Sendable, Equatable, CustomStringConvertible {
    /// The address as configured, for the sender only.
    public let raw: String
    public static let maximumLength = 2_000

    /// - Throws: `webhook.invalidURL`, saying what is wrong and what a good address looks like.
    public init(_ text: String) throws(ServiceError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func refuse(_ zh: String, _ en: String) -> ServiceError {
            ServiceError(
                .webhookInvalidURL,
                "webhook地址无效：\(zh)。应形如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (invalid webhook URL: \(en); expected something like https://oapi.dingtalk.com/robot/send?access_token=…)",
                problems: [FieldProblem(field: "url", reason: "\(zh) (\(en))")])
        }
        guard !trimmed.isEmpty else { throw refuse("地址为空", "the URL is empty") }
        guard trimmed.count <= Self.maximumLength else { throw refuse("超过\(Self.maximumLength)个字符", "longer than \(Self.maximumLength) characters") }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw refuse("含空白或控制字符", "it contains spaces or control characters")
        }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw refuse("无法解析", "it cannot be parsed")
        }
        guard scheme == "http" || scheme == "https" else { throw refuse("只支持http或https，不支持\(scheme)", "only http and https are supported, not \(scheme)") }
        guard let host = components.host, !host.isEmpty else { throw refuse("缺少主机名", "it has no host") }
        raw = trimmed
    }

    /// The address with every secret-looking part replaced by `***`:
    /// `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***`.
    public var masked: String {
        guard let components = URLComponents(string: raw) else { return "***" }
        var text = "\(components.scheme ?? "http")://"
        if components.user != nil || components.password != nil { text += "***@" }
        text += components.percentEncodedHost ?? ""
        if let port = components.port { text += ":\(port)" }
        text += components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            // Some receivers put the token in the path (`/hook/0f3c…`): keep its first letters.
            segment.count >= 20 && segment.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) ? "\(segment.prefix(4))***" : String(segment)
        }.joined(separator: "/")
        if let items = components.percentEncodedQueryItems, !items.isEmpty {
            text += "?" + items.map { $0.value == nil ? $0.name : "\($0.name)=***" }.joined(separator: "&")
        }
        return text
    }

    public var description: String { masked }

    /// `text` (an error from the HTTP client, an answer's body) with the raw address and its
    /// query removed, so nothing written to the store or a log carries the key.
    public func scrub(_ text: String) -> String {
        var scrubbed = text.replacingOccurrences(of: raw, with: masked)
        if let query = URLComponents(string: raw)?.percentEncodedQuery, !query.isEmpty {
            scrubbed = scrubbed.replacingOccurrences(of: query, with: "***")
        }
        return scrubbed
    }
}
