/// A resident ID number (居民身份证号码, GB 11643-1999), validated and in canonical form.
///
/// 18 characters: 6-digit region, 8-digit birth date, 3-digit sequence (odd for male, even for
/// female) and an ISO 7064 MOD 11-2 check character. Input may carry a lowercase `x`, full-width
/// digits and surrounding spaces; the stored form is upper-case ASCII.
public struct IDNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The canonical 18 characters.
    public let value: String

    /// Why a text is not a valid ID number; each case says what to fix.
    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        case notDigits
        case invalidBirthDate(String)
        case checksum(expected: Character, found: Character)

        public var message: String {
            switch self {
            case .wrongLength(let count): "身份证件号应为18位，实为\(count)位 (ID number must have 18 characters, found \(count))"
            case .notDigits: "身份证件号前17位须为数字，末位为数字或X (first 17 characters must be digits, the last a digit or X)"
            case .invalidBirthDate(let text): "身份证件号中的出生日期\(text)不存在 (birth date \(text) in the ID number does not exist)"
            case .checksum(let expected, let found): "身份证件号校验位错误：应为\(expected)，实为\(found) (check character should be \(expected), found \(found))"
            }
        }
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Validates and canonicalises `text`.
    public init(validating text: String) throws(Problem) {
        // Fast path for the canonical form every roster row carries: 17 ASCII digits and a
        // digit or X, checked on the bytes (this runs for every row of a county's import).
        if text.utf8.count == 18 {
            // Sum and birth date in one pass over contiguous bytes, with nothing allocated.
            let scanned: (sum: Int, birth: Int, last: UInt8)?? = text.utf8.withContiguousStorageIfAvailable { bytes in
                var sum = 0, birth = 0
                for index in 0..<17 {
                    let byte = bytes[index]
                    guard byte >= 0x30, byte <= 0x39 else { return nil }
                    let digit = Int(byte &- 0x30)
                    sum += digit * IDNumber.weights[index]
                    if index >= 6, index < 14 { birth = birth * 10 + digit }
                }
                return (sum, birth, bytes[17])
            }
            if let scanned = scanned ?? nil, scanned.last == 0x58 || (scanned.last >= 0x30 && scanned.last <= 0x39) {
                let year = scanned.birth / 10_000, month = scanned.birth / 100 % 100, day = scanned.birth % 100
                guard CivilDate(year: year, month: month, day: day) != nil else {
                    throw .invalidBirthDate(String(text.utf8.dropFirst(6).prefix(8))!)
                }
                let expected = IDNumber.checkCharacters[scanned.sum % 11]
                let found = Character(Unicode.Scalar(scanned.last))
                guard expected == found else { throw .checksum(expected: expected, found: found) }
                value = text
                return
            }
        }
        let text = TextNormalization.field(text).uppercased()
        let characters = Array(text)
        guard characters.count == 18 else { throw .wrongLength(characters.count) }
        var sum = 0
        for index in 0..<17 {
            guard let digit = characters[index].wholeNumberValue, characters[index].isASCII else {
                throw .notDigits
            }
            sum += digit * IDNumber.weights[index]
        }
        let last = characters[17]
        guard last == "X" || (last.isASCII && last.isNumber) else { throw .notDigits }
        let birth = String(characters[6..<14])
        guard CivilDate(parsing: birth) != nil else { throw .invalidBirthDate(birth) }
        let expected = IDNumber.checkCharacters[sum % 11]
        guard expected == last else { throw .checksum(expected: expected, found: last) }
        value = text
    }

    /// The check character for the first 17 digits, for generating valid numbers.
    public static func checkCharacter(for first17: String) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// The 6-digit region code of registration.
    public var region: String { String(value.prefix(6)) }

    public var birthDate: CivilDate {
        // Read from the validated bytes where they are: this runs for every row of every import,
        // on both sides of the wire.
        var text = value
        return text.withUTF8 { digits in
            func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(digits[$1] - 0x30) } }
            return CivilDate(year: number(6..<10), month: number(10..<12), day: number(12..<14))!
        }
    }

    public var sex: Sex {
        var text = value
        let sequenceDigit = text.withUTF8 { $0[16] } - 0x30
        return sequenceDigit % 2 == 1 ? .male : .female
    }

    /// A number already known to be valid: the body of a `G` student number, which was checked
    /// as an ID number when that student number was made (``StudentNumber/idNumber``).
    init(alreadyValidated value: String) {
        self.value = value
    }

    /// `510123********123X`: region and the last four, the rest hidden (``Masking/idNumber(_:)``).
    /// Lists, logs and the audit trail carry only this form.
    public var masked: String { Masking.idNumber(value) }

    /// The masked form, so string interpolation into a log never leaks the number.
    public var description: String { masked }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try IDNumber(validating: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
