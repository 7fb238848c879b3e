/// One program in one term: what a batch pays, and what coverage and its alerts are reckoned by.
struct ProgramTerm: Hashable, Sendable {
    var program: String
    /// The term's code (`2026-autumn`).
    var term: String
}
