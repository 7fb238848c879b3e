/// A school term (学期), what student aid is paid per: `2026秋` (autumn 2026, the first term of the
/// 2026–27 school year) or `2027春` (spring 2027, its second). On the wire `2026-autumn`.
///
/// Every date belongs to exactly one term: spring from 1 February to 31 July, autumn from
/// 1 August to 31 January of the next year. The boundaries fall in the summer and winter breaks,
/// so a list dated in a break counts for the term that follows it.
public struct Term: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Season: String, Sendable, CaseIterable {
        case spring, autumn

        public var chinese: String { self == .spring ? "春" : "秋" }
    }

    public let year: Int
    public let season: Season

    public init(year: Int, season: Season) {
        self.year = year
        self.season = season
    }

    /// Reads `2026秋`, `2026秋季`, `2026年秋季学期`, `2027春`, `2026-autumn`, `2027-spring` (full-width
    /// digits too); years 2000–2100.
    public init?(parsing text: String) {
        var body = Substring(TextNormalization.field(text).lowercased())
        guard body.utf8.count >= 5, let year = Int(body.prefix(4)), (2000...2100).contains(year) else { return nil }
        body = body.dropFirst(4)
        for suffix in ["学期", "季"] where body.hasSuffix(suffix) { body = body.dropLast(suffix.count) }
        if body.hasPrefix("年") { body = body.dropFirst() }
        if body.hasPrefix("-") || body.hasPrefix(" ") { body = body.dropFirst() }
        switch body {
        case "秋", "autumn", "fall": self.init(year: year, season: .autumn)
        case "春", "spring": self.init(year: year, season: .spring)
        default: return nil
        }
    }

    /// The term `date` falls in.
    public init(containing date: CivilDate) {
        switch date.month {
        case 1: self.init(year: date.year - 1, season: .autumn)
        case 2...7: self.init(year: date.year, season: .spring)
        default: self.init(year: date.year, season: .autumn)
        }
    }

    /// Its first day: 1 February or 1 August.
    public var start: CivilDate { CivilDate(year: year, month: season == .spring ? 2 : 8, day: 1)! }
    /// Its last day: 31 July or 31 January.
    public var end: CivilDate { season == .spring ? CivilDate(year: year, month: 7, day: 31)! : CivilDate(year: year + 1, month: 1, day: 31)! }

    public var next: Term { season == .spring ? Term(year: year, season: .autumn) : Term(year: year + 1, season: .spring) }
    public var previous: Term { season == .autumn ? Term(year: year, season: .spring) : Term(year: year - 1, season: .autumn) }

    /// `2026-autumn`: the wire form, and how terms sort as text.
    public var code: String { "\(year)-\(season.rawValue)" }
    public var description: String { code }

    /// `2026秋` / `autumn 2026`.
    public func label(_ language: Language) -> String {
        language == .zh ? "\(year)\(season.chinese)" : "\(season.rawValue) \(year)"
    }

    public static func < (lhs: Term, rhs: Term) -> Bool {
        (lhs.year, lhs.season == .spring ? 0 : 1) < (rhs.year, rhs.season == .spring ? 0 : 1)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let term = Term(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a term (2026-autumn, 2027-spring, 2026秋): \(text)"))
        }
        self = term
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
