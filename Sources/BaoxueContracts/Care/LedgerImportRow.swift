/// One row of a ledger import: the child's name as the file writes it (the care service checks it
/// against the registry's, so a row with a mistyped ID number is refused rather than filed under
/// another child) and the situation it records.
public struct LedgerImportRow: Codable, Sendable, Equatable {
    public var name: String
    public var entry: LedgerEntryRequest

    public init(name: String, entry: LedgerEntryRequest) {
        self.name = name
        self.entry = entry
    }

    /// Reads one row with the rules of the other imports (``LedgerEntryRequest/parse(_:)``), plus
    /// the child's name, required.
    public static func parse(_ fields: [LedgerField: String]) -> Result<LedgerImportRow, RecordProblems> {
        let name = FieldParsing.personName(fields[.name] ?? "")
        let entry = LedgerEntryRequest.parse(fields)
        switch (name, entry) {
        case (let name?, .success(let entry)):
            return .success(LedgerImportRow(name: name, entry: entry))
        case (nil, .success):
            return .failure(RecordProblems([FieldProblem(field: LedgerField.name.header, reason: "必填 (required)")]))
        case (let name, .failure(let problems)):
            return .failure(RecordProblems((name == nil ? [FieldProblem(field: LedgerField.name.header, reason: "必填 (required)")] : []) + problems.problems))
        }
    }
}
