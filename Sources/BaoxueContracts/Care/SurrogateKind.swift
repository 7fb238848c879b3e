/// Who a surrogate parent (代理家长) is: a teacher of the child's school, or a volunteer of the
/// village (a cadre, a retired teacher, a neighbour).
public enum SurrogateKind: String, CareVocabulary {
    case teacher, volunteer

    public var chinese: String {
        switch self {
        case .teacher: "教师"
        case .volunteer: "志愿者"
        }
    }
}
