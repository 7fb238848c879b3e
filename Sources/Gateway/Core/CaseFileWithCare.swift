import BaoxueContracts

/// A case file as the gateway shows it: the monitor's case file, and beside it the child's care
/// record when the child is on the care service's ledger (their surrogate parent, last contact,
/// guardian). The care part is looked up by the gateway, so the monitor knows nothing of care;
/// on the wire the case file's own fields are unchanged, with `care` added.
public struct CaseFileWithCare: Encodable, Sendable {
    public var file: CaseFile
    /// Absent when the child has no care record (or the care service did not answer).
    public var care: CareRecord?

    public init(file: CaseFile, care: CareRecord?) {
        self.file = file
        self.care = care
    }

    enum CareKey: String, CodingKey { case care }

    public func encode(to encoder: any Encoder) throws {
        try file.encode(to: encoder)
        var container = encoder.container(keyedBy: CareKey.self)
        try container.encodeIfPresent(care, forKey: .care)
    }
}
