/// A micro-wish's life (微心愿): posted for a child, claimed by a donor, fulfilled; or withdrawn
/// (the child no longer needs it, or the donor did not follow through) while not yet fulfilled.
public enum WishState: String, CareVocabulary {
    case posted, claimed, fulfilled, withdrawn

    public var chinese: String {
        switch self {
        case .posted: "待认领"
        case .claimed: "已认领"
        case .fulfilled: "已实现"
        case .withdrawn: "已撤回"
        }
    }
}
