/// Why a child left school (辍学原因), a closed list: the school picks one or more when it records
/// the dropout in the registry (`StatusChangeRequest.causes`), the monitor opens the case with
/// them, and the case's plan may refine them later. A closed list, because the county's ledger and
/// monthly report count by cause, and free text scanned for cause words counted "不想上学" or
/// "打工" as 其他 without anyone knowing (docs/decisions.md, decision 101).
public enum DropoutCause: String, CaseVocabulary {
    case weariness, learningDifficulty, poverty, disability, illness, work, earlyMarriage, familyCrisis, other

    public var chinese: String {
        switch self {
        case .weariness: "厌学"
        case .learningDifficulty: "学习困难"
        case .poverty: "家庭经济困难"
        case .disability: "残疾"
        case .illness: "疾病"
        case .work: "外出务工"
        case .earlyMarriage: "早婚早育"
        case .familyCrisis: "家庭变故"
        case .other: "其他"
        }
    }

    /// `厌学、学习困难、…、其他`: the choices as people see them, for messages.
    public static var chineseChoices: String { allCases.map(\.chinese).joined(separator: "、") }

    /// `weariness, learningDifficulty, …, other`: the codes the wire takes.
    public static var codeChoices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// What a dropout recorded without a cause is told: the cause is required, and these are the
    /// choices. One text for the registry and the gateway's forms.
    public static var requiredMessage: String {
        "辍学须选择原因（可多选）：\(chineseChoices) (a dropout needs its causes, one or more of: \(codeChoices))"
    }

    /// What an unknown cause is told, naming it and the choices.
    public static func unknownMessage(_ text: String) -> String {
        "辍学原因“\(text)”不在可选范围内，可选：\(chineseChoices) (unknown dropout cause “\(text)”; choose from: \(codeChoices))"
    }

    /// The distinct causes in the order given: a cause picked twice counts once on the ledger.
    public static func distinct(_ causes: [DropoutCause]) -> [DropoutCause] {
        var seen: Set<DropoutCause> = []
        return causes.filter { seen.insert($0).inserted }
    }
}
