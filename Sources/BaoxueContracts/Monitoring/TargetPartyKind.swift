/// Who signs a responsibility document with the county: a township with the county government
/// (县政府与乡镇), or a school with the education bureau (教体局与学校), the two lines of 双线控辍.
public enum TargetPartyKind: String, CaseVocabulary {
    case township, school

    public var chinese: String {
        switch self {
        case .township: "乡镇"
        case .school: "学校"
        }
    }

    /// The county side that signs with this kind of party.
    public var issuer: String {
        switch self {
        case .township: "县政府"
        case .school: "县教体局"
        }
    }
}
