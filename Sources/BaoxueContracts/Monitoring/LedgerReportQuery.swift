/// `ledger report`: one month of the dropout ledger (辍学学生台账), for the county or narrowed to a
/// township or school (scope narrows further, as for lists).
public struct LedgerReportQuery: Codable, Sendable, Equatable {
    public var month: CivilMonth
    public var township: String?
    public var school: String?

    public init(month: CivilMonth, township: String? = nil, school: String? = nil) {
        self.month = month
        self.township = township
        self.school = school
    }
}
