/// A figure an operator entered for a year's summary (``ReportInputKey``), with who entered it
/// and when, so the summary can say whose figure it prints.
public struct ReportInput: Codable, Sendable, Equatable {
    public var year: Int
    public var key: ReportInputKey
    /// As entered: a decimal number (half-width digits) in the key's unit, or the county's name.
    public var value: String
    public var note: String?
    public var enteredBy: String
    public var enteredAt: String

    public init(year: Int, key: ReportInputKey, value: String, note: String?, enteredBy: String, enteredAt: String) {
        self.year = year
        self.key = key
        self.value = value
        self.note = note
        self.enteredBy = enteredBy
        self.enteredAt = enteredAt
    }
}
