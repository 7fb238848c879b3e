/// How a surrogate parent was in touch with a child.
public enum ContactWay: String, CareVocabulary {
    case visit, talk, phone, video

    public var chinese: String {
        switch self {
        case .visit: "家访"
        case .talk: "谈心"
        case .phone: "电话"
        case .video: "视频"
        }
    }
}
