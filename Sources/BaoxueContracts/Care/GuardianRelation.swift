/// Who actually looks after a left-behind child (实际监护人), as the civil-affairs ledger lists it.
public enum GuardianRelation: String, CareVocabulary {
    case grandparent, maternalGrandparent, parent, sibling, otherRelative, friend, other

    public var chinese: String {
        switch self {
        case .grandparent: "祖父母"
        case .maternalGrandparent: "外祖父母"
        case .parent: "父母"
        case .sibling: "兄姐"
        case .otherRelative: "其他亲属"
        case .friend: "亲友"
        case .other: "其他"
        }
    }
}
