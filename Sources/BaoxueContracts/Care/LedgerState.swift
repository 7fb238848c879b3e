/// Whether a recorded child is on the ledger now (在册) or not (不在册: never qualified, or left
/// it with a reason and a date; the record and its history are kept).
public enum LedgerState: String, Codable, Sendable, CaseIterable {
    case active, inactive

    public func label(_ language: Language) -> String {
        switch self {
        case .active: language.pick("在册", "on the ledger")
        case .inactive: language.pick("不在册", "not on the ledger")
        }
    }
}
