/// The nine-year compulsory-education consolidation rate (九年义务教育巩固率) of one scope (the
/// county, a township, a school): the children who completed grade 9 in a school year ÷ the
/// children who entered grade 1 eight school years before, the cohort that should have reached
/// grade 9 by then (DOMAIN.md "Measures the county reports"; definition in docs/decisions.md,
/// decision 100).
///
/// The monitor counts both from its own dated history of the register, never from today's roster
/// alone, which no longer holds the children who left. Where that history does not reach back to
/// the cohort's first day of grade 1 the entrants and the rate are absent, and ``historyBegins``
/// says from when the history runs: a figure is never made up.
public struct ConsolidationRate: Codable, Sendable, Equatable {
    /// The school year the cohort completes grade 9 in, named by the calendar year it ends in:
    /// 2026 is 2025–26, graduating in the summer of 2026.
    public var schoolYear: Int
    /// The school year the cohort entered grade 1, named the same way: ``schoolYear`` − 8.
    public var entryYear: Int
    /// Children who graduated from grade 9 with a date in ``schoolYear`` (so far, while it runs).
    public var completers: Int
    /// Children who entered grade 1 in ``entryYear``; absent when the history does not reach
    /// back to that school year's first day (1 September).
    public var entrants: Int?
    /// ``completers`` ÷ ``entrants`` in percent, rounded down to two decimals; absent with the
    /// entrants, or when there were none. A crude cohort ratio as the national statistic is: a
    /// child who arrived from outside the county after grade 1 counts as a completer, so a scope
    /// with more children arriving than leaving can exceed 100.
    public var rate: Double?
    /// Whether ``schoolYear`` is over (its 31 August has passed), so the completers are final.
    public var complete: Bool
    /// The first day of the monitor's history of grade entries and completions; absent when it
    /// has none yet.
    public var historyBegins: CivilDate?

    public init(schoolYear: Int, completers: Int, entrants: Int?, complete: Bool, historyBegins: CivilDate?) {
        self.schoolYear = schoolYear
        self.entryYear = schoolYear - 8
        self.completers = completers
        self.entrants = entrants
        if let entrants, entrants > 0 {
            rate = Double(completers * 10_000 / entrants) / 100
        }
        self.complete = complete
        self.historyBegins = historyBegins
    }

    /// 1 September of ``entryYear``'s first calendar year: the history must begin on or before
    /// it for the cohort to be counted whole.
    public var entryBegins: CivilDate { CivilDate(year: entryYear - 1, month: 9, day: 1)! }

    /// Whether the history reaches back far enough to count the cohort's entrants.
    public var historyCovers: Bool { entrants != nil }
}
