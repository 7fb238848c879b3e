/// An administrative division code (统计用区划代码) of a fixed length: county 6 digits, township 9,
/// village 12. Work and visibility are routed by the township code.
public struct DivisionCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    public enum Level: Int, Sendable {
        case county = 6, township = 9, village = 12
    }

    public init?(_ text: String, level: Level) {
        let text = TextNormalization.field(text)
        guard text.count == level.rawValue, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        value = text
    }

    public var description: String { value }
    public var county: String { String(value.prefix(6)) }
    public var township: String? { value.count >= 9 ? String(value.prefix(9)) : nil }

    public static func < (lhs: DivisionCode, rhs: DivisionCode) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
