/// Who pays an amount, in fen (分): the central government (中央), the province (省级) and the
/// county's own finance (县财政, the share the year's report states). The three always sum to the
/// amount: money is counted in integers, never in floating point.
public struct FundingSplit: Codable, Sendable, Equatable {
    public var central: Int64
    public var provincial: Int64
    public var county: Int64

    public init(central: Int64 = 0, provincial: Int64 = 0, county: Int64 = 0) {
        self.central = central
        self.provincial = provincial
        self.county = county
    }

    public var total: Int64 { central + provincial + county }

    public static func + (lhs: FundingSplit, rhs: FundingSplit) -> FundingSplit {
        FundingSplit(central: lhs.central + rhs.central, provincial: lhs.provincial + rhs.provincial, county: lhs.county + rhs.county)
    }

    public static func += (lhs: inout FundingSplit, rhs: FundingSplit) { lhs = lhs + rhs }
}
