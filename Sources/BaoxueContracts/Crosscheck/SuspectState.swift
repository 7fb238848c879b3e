/// Where a suspect of the suspected-dropout ledger (疑似辍学台账) is.
public enum SuspectState: String, Codable, Sendable, CaseIterable {
    /// Found by the last run and not yet verified: the township checks on the child.
    case open
    /// Verified into a ``SuspectCategory``; later runs keep it verified.
    case verified
    /// No longer found by a run (enrolled since, absences explained, …); reopened if found again.
    case closed

    public func label(_ language: Language) -> String {
        switch self {
        case .open: language.pick("待核查", "to verify")
        case .verified: language.pick("已核查", "verified")
        case .closed: language.pick("已排除", "cleared")
        }
    }
}
