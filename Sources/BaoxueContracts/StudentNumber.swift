/// A national student number (全国学籍号): 19 characters.
///
/// `G` + the 18-character ID number for a child who has one; `J` + 18 digits for a child without
/// (6 region + 8 birth date + 3 sequence + 1 check); `L` + 18 characters for a temporary number.
public struct StudentNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public enum Kind: String, Sendable { case identity = "G", noIdentity = "J", temporary = "L" }

    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        case unknownPrefix(Character)
        case invalidBody(String)

        public var message: String {
            switch self {
            case .wrongLength(let count): "全国学籍号应为19位，实为\(count)位 (student number must have 19 characters, found \(count))"
            case .unknownPrefix(let prefix): "全国学籍号首字母应为G、J或L，实为\(prefix) (student number must start with G, J or L, found \(prefix))"
            case .invalidBody(let reason):
                Bilingual(zh: "全国学籍号无效：" + Bilingual(reason).zh, en: "invalid student number: " + Bilingual(reason).en).text
            }
        }
    }

    public init(validating text: String) throws(Problem) {
        // Fast path for the canonical form every stored record carries: `G` and an ID number in
        // 19 ASCII digits and capitals, which normalising and upper-casing leave as they are.
        if text.utf8.count == 19, text.utf8.first == UInt8(ascii: "G"),
            text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) })
        {
            do { _ = try IDNumber(validating: String(text.dropFirst())) } catch { throw .invalidBody(error.message) }
            value = text
            return
        }
        let text = TextNormalization.field(text).uppercased()
        guard text.count == 19 else { throw .wrongLength(text.count) }
        let prefix = text.first!
        let body = String(text.dropFirst())
        switch prefix {
        case "G":
            do { _ = try IDNumber(validating: body) } catch { throw .invalidBody(error.message) }
        case "J":
            guard body.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .invalidBody("J后须为18位数字 (J must be followed by 18 digits)") }
            guard CivilDate(parsing: String(body.dropFirst(6).prefix(8))) != nil else {
                throw .invalidBody("出生日期不存在 (birth date does not exist)")
            }
        case "L":
            guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) else {
                throw .invalidBody("L后须为18位字母或数字 (L must be followed by 18 letters or digits)")
            }
        default:
            throw .unknownPrefix(prefix)
        }
        value = text
    }

    /// The number a child with this ID number is given: `G` + the ID.
    public init(identity: IDNumber) {
        value = "G" + identity.value
    }

    /// From the first byte: every way of making a student number leaves it `G`, `J` or `L`.
    public var kind: Kind {
        switch value.utf8.first {
        case UInt8(ascii: "G"): .identity
        case UInt8(ascii: "J"): .noIdentity
        default: .temporary
        }
    }

    /// The ID number inside a `G` number. Every way of making a student number checks a `G`
    /// number's body as an ID number, so it is not checked again here (this runs for every row of
    /// an import, on both sides of the wire).
    public var idNumber: IDNumber? {
        kind == .identity ? IDNumber(alreadyValidated: String(value.dropFirst())) : nil
    }

    /// Masked like an ID number when it embeds one (``Masking/studentNumber(_:)``).
    public var masked: String { Masking.studentNumber(value) }

    public var description: String { masked }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try StudentNumber(validating: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
