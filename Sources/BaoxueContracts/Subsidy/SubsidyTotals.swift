/// The year's student aid, as the county's work summary writes it: "共发放各类贫困学生资助金X人次，
/// X万元，其中县财政投入了X万元". Only payments the bank credited count; they sum to these figures
/// to the fen. Payments still awaiting the bank are given beside, not in them.
public struct SubsidyTotals: Codable, Sendable, Equatable {
    public var year: Int
    public var personTimes: Int
    public var amountFen: Int64
    public var split: FundingSplit
    public var pendingPersonTimes: Int
    public var pendingFen: Int64
    public var byProgram: [TotalsLine]
    public var byStage: [TotalsLine]
    public var byTownship: [TotalsLine]

    public init(year: Int, personTimes: Int, amountFen: Int64, split: FundingSplit, pendingPersonTimes: Int, pendingFen: Int64, byProgram: [TotalsLine], byStage: [TotalsLine], byTownship: [TotalsLine]) {
        self.year = year
        self.personTimes = personTimes
        self.amountFen = amountFen
        self.split = split
        self.pendingPersonTimes = pendingPersonTimes
        self.pendingFen = pendingFen
        self.byProgram = byProgram
        self.byStage = byStage
        self.byTownship = byTownship
    }
}
