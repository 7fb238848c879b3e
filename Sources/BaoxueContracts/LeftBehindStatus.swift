/// Left-behind status (留守情况): whether one or both parents work away from home.
public enum LeftBehindStatus: String, Codable, Sendable, CaseIterable {
    case no = "非留守"
    case oneParent = "单亲留守"
    case bothParents = "双亲留守"

    public init?(label: String) {
        // A status as the roster writes it, before any clean-up: every row has one.
        if let value = LeftBehindStatus(rawValue: label) { self = value; return }
        var text = TextNormalization.field(label)
        // The national 学籍 export writes 非留守儿童, 单亲留守儿童, 双亲留守儿童.
        if text.hasSuffix("儿童") { text = String(text.dropLast(2)) }
        if text.isEmpty || text == "否" { self = .no; return }
        if let value = LeftBehindStatus(rawValue: text) { self = value; return }
        switch text.lowercased() {
        case "no", "none": self = .no
        case "one", "oneparent", "one-parent": self = .oneParent
        case "both", "bothparents", "both-parents": self = .bothParents
        default: return nil
        }
    }
}
