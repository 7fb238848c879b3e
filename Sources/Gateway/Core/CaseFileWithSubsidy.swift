import BaoxueContracts

/// A case file as the gateway shows it: the monitor's case file, and beside it the child's aid
/// (lists, programs this term, payments) when the plan has the 资助转介 measure. The aid is looked
/// up by the gateway, so the monitor knows nothing of subsidies; on the wire the case file's own
/// fields are unchanged, with `subsidy` added.
public struct CaseFileWithSubsidy: Encodable, Sendable {
    public var file: CaseFile
    /// Absent without the measure, or when the subsidy service knows no such child (or did not
    /// answer).
    public var subsidy: ChildSubsidy?

    public init(file: CaseFile, subsidy: ChildSubsidy?) {
        self.file = file
        self.subsidy = subsidy
    }

    enum SubsidyKey: String, CodingKey { case subsidy }

    public func encode(to encoder: any Encoder) throws {
        try file.encode(to: encoder)
        var container = encoder.container(keyedBy: SubsidyKey.self)
        try container.encodeIfPresent(subsidy, forKey: .subsidy)
    }
}
