import BaoxueContracts
import BaoxueService
import Configuration

/// The care rules' limits and the clock, from `care.*` in configuration (`config/care.yaml`), with
/// DOMAIN.md's defaults.
public struct CareSettings: Sendable {
    /// Children a surrogate parent may care for at once; one more is refused.
    public var surrogateMaximumChildren = 5
    /// Days a child on the ledger may wait for a surrogate parent: on the day this many days have
    /// passed since entering the ledger (or since the last surrogate stepped down), an alert opens.
    public var surrogateGraceDays = 14
    /// A surrogate parent is reminded when more than this many days have passed since their last
    /// contact with a child (or since the child was assigned, before any contact).
    public var contactPeriodDays = 14
    /// "Today" in the county. A fixed date (`care.clock.today`) only for tests and drills.
    public var today: @Sendable () -> CivilDate = Timestamp.todayInChina

    public init() {}

    /// Reads `care.surrogates.maximumChildren`, `care.surrogates.graceDays`,
    /// `care.surrogates.contactPeriodDays` and `care.clock.today`; refuses a value that makes no
    /// sense, naming the key.
    public init(configuration: ServiceConfiguration) throws {
        self.init()
        let reader = configuration.reader
        func int(_ key: String, _ value: inout Int, _ range: ClosedRange<Int>) throws {
            if let configured = try reader.int("care.surrogates.\(key)", in: range) { value = configured }
        }
        try int("maximumChildren", &surrogateMaximumChildren, 1...50)
        try int("graceDays", &surrogateGraceDays, 1...365)
        try int("contactPeriodDays", &contactPeriodDays, 1...365)
        if let fixed = try reader.fixedToday("care.clock.today") { today = fixed }
    }
}
