/// The columns of a file of status changes (`baoxue student change --batch FILE`): one change
/// per row, the kind and the causes by code or Chinese label, as `student change` takes them.
public enum ChangeField: String, ImportColumn, CaseIterable, Sendable {
    case student, kind, date, documents, causes, reason, toSchool, grade, outOfCounty, expectedEnd

    public var header: String {
        switch self {
        case .student: "身份证件号"
        case .kind: "变动类型"
        case .date: "变动日期"
        case .documents: "证明材料"
        case .causes: "辍学原因"
        case .reason: "说明"
        case .toSchool: "接收学校标识码"
        case .grade: "年级"
        case .outOfCounty: "转出县外"
        case .expectedEnd: "预计结束日期"
        }
    }

    public var isRequiredColumn: Bool { self == .student || self == .kind }

    /// English names (the request's field names) and the spellings offices use.
    public var aliases: [String] {
        switch self {
        case .student: ["student", "idnumber", "id_number", "身份证号", "全国学籍号", "学籍号"]
        case .kind: ["kind", "变动类别", "异动类型"]
        case .date: ["date", "日期", "异动日期"]
        case .documents: ["documents", "材料", "证明"]
        case .causes: ["causes", "cause"]
        case .reason: ["reason", "原因", "变动原因"]
        case .toSchool: ["toschool", "to_school", "转入学校标识码", "接收学校"]
        case .grade: ["grade", "转入年级"]
        case .outOfCounty: ["outofcounty", "out_of_county", "县外"]
        case .expectedEnd: ["expectedend", "expected_end", "休学结束日期"]
        }
    }

    public var stems: [String] {
        switch self {
        case .student: ["身份证", "证件号", "学籍号"]
        case .kind: ["变动类", "异动类"]
        case .date: ["日期"]
        case .documents: ["材料", "证明"]
        case .causes: ["辍学原因"]
        case .reason: ["说明"]
        case .toSchool: ["接收学校", "转入学校"]
        case .grade: ["年级"]
        case .outOfCounty: ["县外"]
        case .expectedEnd: ["结束日期"]
        }
    }

    /// What a school's own list carries beside the changes: listed as not kept.
    public static let unusedHeaders: Set<String> = Set(["序号", "姓名", "性别", "学校名称", "班级", "备注"].map(headerKey))

    public init?(header: String) {
        let key = Self.headerKey(header)
        guard let field = ChangeField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else { return nil }
        self = field
    }

    /// The column of a request field a refusal names (`toSchool` → 接收学校标识码).
    public init?(requestField: String) {
        self.init(rawValue: requestField)
    }
}
