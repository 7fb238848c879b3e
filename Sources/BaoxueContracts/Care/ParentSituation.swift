/// Where a parent is, as the civil-affairs ledger records it: the facts the definition of a
/// left-behind child (农村留守儿童) is decided on.
public enum ParentSituation: String, CareVocabulary {
    /// 在家: at home and able to care for the child.
    case home
    /// 外出务工: working away from home (the ledger says where).
    case away
    /// 无监护能力: at home (or not) but unable to care for the child (the ledger says why:
    /// illness, disability, imprisonment, death, disappearance).
    case unable

    public var chinese: String {
        switch self {
        case .home: "在家"
        case .away: "外出务工"
        case .unable: "无监护能力"
        }
    }
}
