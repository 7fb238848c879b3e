/// The columns of a school's daily absence CSV: `学校标识码, 日期, 身份证件号, 缺课原因`.
public enum AbsenceField: String, ImportColumn, CaseIterable, Sendable {
    case schoolCode, date, idNumber, reason

    public var header: String {
        switch self {
        case .schoolCode: "学校标识码"
        case .date: "日期"
        case .idNumber: "身份证件号"
        case .reason: "缺课原因"
        }
    }

    public var isRequiredColumn: Bool { self != .reason }

    /// Headers accepted besides ``header``: English names, and the student number in place of an
    /// ID number for a child who has none.
    public var aliases: [String] {
        switch self {
        case .schoolCode: ["school", "schoolcode", "school_code", "学校代码"]
        case .date: ["date", "缺课日期"]
        case .idNumber: ["idnumber", "id_number", "student", "身份证号", "全国学籍号", "学籍号"]
        case .reason: ["reason", "原因"]
        }
    }

    public var stems: [String] {
        switch self {
        case .schoolCode: ["学校标识", "学校代码"]
        case .date: ["日期"]
        case .idNumber: ["身份证", "证件号", "学籍号"]
        case .reason: ["原因"]
        }
    }

    /// A class's own register carries the child's name and class: listed as not kept.
    public static let unusedHeaders: Set<String> = Set(["序号", "姓名", "性别", "年级", "班级", "学校名称", "备注", "节次"].map(headerKey))

    /// Finds the column a header names, ignoring case, spaces and a `*` marking required columns.
    public init?(header: String) {
        let key = Self.headerKey(header)
        guard let field = AbsenceField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else { return nil }
        self = field
    }
}
