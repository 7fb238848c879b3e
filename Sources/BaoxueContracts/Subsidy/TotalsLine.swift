/// One line of the year's totals: person-times (人次, one per payment credited), the amount and
/// its funding split, in fen.
public struct TotalsLine: Codable, Sendable, Equatable {
    /// The program id, stage code or township code the line is for.
    public var key: String
    public var label: String
    public var labelEnglish: String
    public var personTimes: Int
    public var amountFen: Int64
    public var split: FundingSplit

    public init(key: String, label: String, labelEnglish: String, personTimes: Int, amountFen: Int64, split: FundingSplit) {
        self.key = key
        self.label = label
        self.labelEnglish = labelEnglish
        self.personTimes = personTimes
        self.amountFen = amountFen
        self.split = split
    }

    public func label(_ language: Language) -> String { language == .zh ? label : labelEnglish }
}
