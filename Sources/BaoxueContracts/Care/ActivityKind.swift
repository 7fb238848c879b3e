/// A kind of care activity (关爱活动), as the county's summary counts them.
public enum ActivityKind: String, CareVocabulary {
    /// 心理咨询.
    case counselling
    /// 亲情视频聊天: a family video call with a parent working away.
    case videoCall
    /// 乡村少年宫: a rural youth-palace activity.
    case youthPalace
    /// 代理家长联系: a surrogate parent's contact (also logged by `care.contacts.log`).
    case surrogateContact
    /// 学业辅导.
    case tutoring
    /// 家访.
    case homeVisit

    public var chinese: String {
        switch self {
        case .counselling: "心理咨询"
        case .videoCall: "亲情视频聊天"
        case .youthPalace: "乡村少年宫"
        case .surrogateContact: "代理家长联系"
        case .tutoring: "学业辅导"
        case .homeVisit: "家访"
        }
    }
}
