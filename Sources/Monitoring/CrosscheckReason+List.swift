import BaoxueContracts

/// A suspect's reasons as the `reasons` column stores them: a JSON array of raw values, which
/// `instr(x.reasons, '"…"')` can filter on without parsing.
extension CrosscheckReason {
    static func encodeList(_ reasons: [CrosscheckReason]) -> String {
        "[" + reasons.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
    }

    /// The stored reasons in the suspected-dropout ledger's order, poverty first.
    static func decodeList(_ text: String?) -> [CrosscheckReason] {
        guard let text else { return [] }
        return CrosscheckFinding.order(CrosscheckReason.allCases.filter { text.contains("\"\($0.rawValue)\"") })
    }
}
