import BaoxueContracts

/// What a township's daily digest (每日汇总) says: its alerts still waiting to be acknowledged,
/// how many are acknowledged and not yet resolved, its open cases, and the cases whose next home
/// visit (下次走访) is past. Made by the gateway from the monitor's lists, as the township's own
/// staff would see them.
public struct TownshipDigest: Sendable, Equatable {
    public var township: String
    /// The county day it is for (UTC+8).
    public var day: CivilDate
    /// Open (待签收) alerts, oldest first.
    public var openAlerts: [Alert]
    public var acknowledgedAlerts: Int
    public var openCases: Int
    /// Open cases whose `nextVisitOn` is before ``day``.
    public var overdueVisits: [CaseSummary]

    public init(township: String, day: CivilDate, openAlerts: [Alert], acknowledgedAlerts: Int, openCases: Int, overdueVisits: [CaseSummary]) {
        self.township = township
        self.day = day
        self.openAlerts = openAlerts
        self.acknowledgedAlerts = acknowledgedAlerts
        self.openCases = openCases
        self.overdueVisits = overdueVisits
    }
}
