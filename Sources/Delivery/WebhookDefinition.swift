import BaoxueContracts
import Foundation

/// A webhook as someone asks for it (`baoxue webhook add`, a `gateway.webhooks` line), checked:
/// a name of 1–50 characters without spaces, a valid address, exactly one target with a
/// well-formed code.
public struct WebhookDefinition: Sendable, Equatable {
    public var name: String
    public var url: WebhookURL
    public var kind: WebhookKind
    public var target: WebhookTarget

    /// - Throws: `webhook.invalid` (naming the field) or `webhook.invalidURL`.
    public init(name: String, url: String, kind: String, township: String?, school: String?, county: Bool, surrogate: Int64? = nil) throws(ServiceError) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...50).contains(name.count), !name.contains(where: { $0.isWhitespace || $0 == "=" }) else {
            throw Self.invalid("name", "名称应为1–50个字符，不含空格和= (the name must be 1–50 characters without spaces or =)")
        }
        guard let kindValue = WebhookKind(rawValue: kind.lowercased()) else {
            throw Self.invalid("kind", "类型应为 generic、wecom（企业微信）或 dingtalk（钉钉），不是\(kind) (kind must be generic, wecom or dingtalk, not \(kind))")
        }
        let targets = [township != nil, school != nil, county, surrogate != nil].filter { $0 }.count
        guard targets == 1 else {
            throw Self.invalid("target", "请指定且只指定一个：--township 乡镇代码、--school 学校标识码、--county 或 --surrogate 代理家长编号 (give exactly one of --township CODE, --school CODE, --county, --surrogate ID)")
        }
        let target: WebhookTarget
        if let township {
            guard township.utf8.count == 9, township.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw Self.invalid("township", "乡镇代码应为9位数字 (the township code must be 9 digits)")
            }
            target = .township(township)
        } else if let school {
            guard school.utf8.count == 10, school.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw Self.invalid("school", "学校标识码应为10位数字 (the school code must be 10 digits)")
            }
            target = .school(school)
        } else if let surrogate {
            guard surrogate > 0 else { throw Self.invalid("surrogate", "代理家长编号应为正整数，见 baoxue care surrogate list (a surrogate parent's id is a positive number; see baoxue care surrogate list)") }
            target = .surrogate(surrogate)
        } else {
            target = .county
        }
        self.name = name
        self.url = try WebhookURL(url)
        self.kind = kindValue
        self.target = target
    }

    /// Reads one `gateway.webhooks` line: `name=城关镇 kind=wecom township=510123101 url=https://…`
    /// (`county=true` for the county's channel). YAML cannot give swift-configuration a list of
    /// mappings, so each webhook is one line of `key=value` words.
    public init(line: String) throws(ServiceError) {
        var fields: [String: String] = [:]
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            guard let equals = word.firstIndex(of: "=") else {
                throw Self.invalid("gateway.webhooks", "“\(word)”应为 键=值 (“\(word)” must be key=value)")
            }
            let key = String(word[..<equals])
            guard ["name", "url", "kind", "township", "school", "county", "surrogate"].contains(key) else {
                throw Self.invalid("gateway.webhooks", "未知的键\(key)，可用 name url kind township school county surrogate (unknown key \(key); use name, url, kind, township, school, county, surrogate)")
            }
            fields[key] = String(word[word.index(after: equals)...])
        }
        guard let name = fields["name"], let url = fields["url"] else {
            throw Self.invalid("gateway.webhooks", "每行都要有 name= 和 url= (every line needs name= and url=)")
        }
        var surrogate: Int64?
        if let text = fields["surrogate"] {
            guard let id = Int64(text) else { throw Self.invalid("surrogate", "surrogate= 应为代理家长编号 (surrogate= must be a surrogate parent's id)") }
            surrogate = id
        }
        try self.init(name: name, url: url, kind: fields["kind"] ?? "generic", township: fields["township"], school: fields["school"], county: fields["county"] == "true", surrogate: surrogate)
    }

    static func invalid(_ field: String, _ message: String) -> ServiceError {
        ServiceError(.webhookInvalid, message, problems: [FieldProblem(field: field, reason: message)])
    }
}
