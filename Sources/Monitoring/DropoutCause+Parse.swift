import BaoxueContracts

extension DropoutCause {
    /// The causes named in a free-text reason (`厌学，家庭经济困难`); `other` when none is named.
    static func parse(_ reason: String) -> [DropoutCause] {
        // One lowercased copy: `localizedCaseInsensitiveContains` per cause cost more than the
        // rest of applying a dropout event.
        let lowered = reason.lowercased()
        let found = DropoutCause.allCases.filter { reason.contains($0.chinese) || lowered.contains($0.rawValue.lowercased()) }
        return found.isEmpty ? [.other] : found
    }
}
