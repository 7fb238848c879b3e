/// Why a child is, or is not, on the left-behind ledger (留守儿童台账) by civil affairs' definition:
/// a rural-registered child under 16 whose parents both work away, or one does and the other
/// cannot care for the child. The first two qualify; every other is a reason a recorded or
/// school-flagged child is not (or no longer) on the ledger.
public enum LedgerReason: String, CareVocabulary {
    /// 父母均外出务工.
    case bothParentsAway
    /// 一方外出务工、另一方无监护能力.
    case oneAwayOtherUnable
    /// 非农业户口: not rural-registered.
    case notRural
    /// 户口性质不明: the registry does not say whether the household is rural.
    case householdTypeUnknown
    /// 已满16周岁.
    case aged16
    /// 一方在家且有监护能力: a parent at home can care for the child.
    case parentCaring
    /// 父母均未外出务工.
    case noParentAway
    /// 孤儿: cared for as an orphan (孤儿保障), not as a left-behind child.
    case orphan
    /// 事实无人抚养儿童: cared for as a child in difficulty, not as a left-behind child.
    case unattended
    /// 转出县外: received by a school outside the county.
    case leftCounty
    /// 死亡.
    case deceased
    /// 未登记家庭情况: flagged by the school (学籍 留守情况) but nobody has recorded the
    /// parents' situation yet, so the definition cannot be applied.
    case notRecorded

    public var chinese: String {
        switch self {
        case .bothParentsAway: "父母均外出务工"
        case .oneAwayOtherUnable: "一方外出务工、另一方无监护能力"
        case .notRural: "非农业户口"
        case .householdTypeUnknown: "户口性质不明"
        case .aged16: "已满16周岁"
        case .parentCaring: "一方在家且有监护能力"
        case .noParentAway: "父母均未外出务工"
        case .orphan: "孤儿（按孤儿保障）"
        case .unattended: "事实无人抚养（按困境儿童保障）"
        case .leftCounty: "转出县外"
        case .deceased: "死亡"
        case .notRecorded: "未登记家庭情况"
        }
    }

    /// Whether the reason puts a child on the ledger.
    public var qualifies: Bool { self == .bothParentsAway || self == .oneAwayOtherUnable }
}
