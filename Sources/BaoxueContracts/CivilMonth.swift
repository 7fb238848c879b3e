/// A calendar month in the county (`2026-10`): what a monthly report (月报) covers, from its first
/// day to its last, both in county time (UTC+8) like every ``CivilDate``.
public struct CivilMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `2026-10`, and on input from people also `2026/10`, `2026.10`, `202610` and
    /// `2026年10月`, with full-width digits.
    public init?(parsing text: String) {
        let text = TextNormalization.field(text)
        if text.count == 6, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            self.init(year: Int(text.prefix(4))!, month: Int(text.suffix(2))!)
            return
        }
        let parts = text.split(whereSeparator: { "-/.年月".contains($0) }).map(String.init)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month `date` falls in.
    public init(_ date: CivilDate) {
        year = date.year
        month = date.month
    }

    public var first: CivilDate { CivilDate(year: year, month: month, day: 1)! }
    public var last: CivilDate { CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))! }

    /// `2026-10`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: CivilMonth, rhs: CivilMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = CivilMonth(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a month (YYYY-MM): \(text)"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
