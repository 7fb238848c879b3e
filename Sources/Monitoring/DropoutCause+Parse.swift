import BaoxueContracts

extension DropoutCause {
    /// The causes a dropout change gives its case: those the school chose from the closed list,
    /// or, for a change recorded before the list existed (no `causes`), those its free-text reason
    /// names, `other` when it names none (``parse(_:)``) — exactly what the monitor made of that
    /// change when it was new, so a monitor rebuilt by replay opens the same cases. Empty only for
    /// an old change with no reason at all.
    static func recorded(_ change: StatusChange) -> [DropoutCause] {
        if let causes = change.causes, !causes.isEmpty { return causes }
        return change.reason.map(parse) ?? []
    }

    /// The causes named in a free-text reason (`厌学，家庭经济困难`); `other` when none is named.
    /// Only for changes recorded before causes were chosen from the list.
    static func parse(_ reason: String) -> [DropoutCause] {
        // One lowercased copy: `localizedCaseInsensitiveContains` per cause cost more than the
        // rest of applying a dropout event.
        let lowered = reason.lowercased()
        let found = DropoutCause.allCases.filter { reason.contains($0.chinese) || lowered.contains($0.rawValue.lowercased()) }
        return found.isEmpty ? [.other] : found
    }
}
