import BaoxueContracts

/// One place alerts are sent (推送渠道): a name people use in commands, its address, what it
/// speaks and whose alerts it carries. Encoded (for `--json` and lists) with the address masked:
/// the raw address, which holds the robot's key, never leaves the gateway.
public struct Webhook: Sendable, Equatable, Encodable {
    public var id: Int64
    public var name: String
    public var url: WebhookURL
    public var kind: WebhookKind
    public var target: WebhookTarget
    /// `config` (from `gateway.webhooks`, changed only there) or `cli` (`baoxue webhook add`).
    public var source: String
    public var createdAt: String
    public var createdBy: String

    public init(id: Int64, name: String, url: WebhookURL, kind: WebhookKind, target: WebhookTarget, source: String, createdAt: String, createdBy: String) {
        self.id = id
        self.name = name
        self.url = url
        self.kind = kind
        self.target = target
        self.source = source
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    enum CodingKeys: String, CodingKey {
        case id, name, url, kind, township, school, county, surrogate, source, createdAt, createdBy
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(url.masked, forKey: .url)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(target.township, forKey: .township)
        try container.encodeIfPresent(target.school, forKey: .school)
        try container.encode(target.isCounty, forKey: .county)
        try container.encodeIfPresent(target.surrogate, forKey: .surrogate)
        try container.encode(source, forKey: .source)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(createdBy, forKey: .createdBy)
    }
}
