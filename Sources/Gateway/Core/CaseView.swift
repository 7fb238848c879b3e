import BaoxueContracts

/// A case file as the gateway shows it: the monitor's case file, and beside it what the other
/// services know of the child — the care record when they are on the left-behind ledger, their
/// aid when the plan has the 资助转介 measure. The gateway looks both up, so the monitor knows
/// nothing of care or subsidies; on the wire the case file's own fields are unchanged, with `care`
/// and `subsidy` added when present.
public struct CaseView: Encodable, Sendable {
    public var file: CaseFile
    /// Absent when the child has no care record (or the care service did not answer).
    public var care: CareRecord?
    /// Absent without the measure, or when the subsidy service knows no such child (or did not
    /// answer).
    public var subsidy: ChildSubsidy?

    public init(file: CaseFile, care: CareRecord? = nil, subsidy: ChildSubsidy? = nil) {
        self.file = file
        self.care = care
        self.subsidy = subsidy
    }

    enum Key: String, CodingKey { case care, subsidy }

    public func encode(to encoder: any Encoder) throws {
        try file.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(care, forKey: .care)
        try container.encodeIfPresent(subsidy, forKey: .subsidy)
    }
}
