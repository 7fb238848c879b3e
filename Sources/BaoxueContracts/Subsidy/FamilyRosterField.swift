/// A column of a family roster (建档立卡、低保、特困、孤儿、残疾名单) as the offices export them:
/// `身份证件号, 姓名, 类别, 户主姓名, 乡镇区划代码`, found by header whatever else the export adds
/// (与户主关系, 家庭人口, 联系电话 … are ignored and listed as such).
public enum FamilyRosterField: String, ImportColumn, CaseIterable, Sendable, Codable {
    case idNumber, name, category, householder, township

    public var header: String {
        switch self {
        case .idNumber: "身份证件号"
        case .name: "姓名"
        case .category: "类别"
        case .householder: "户主姓名"
        case .township: "乡镇区划代码"
        }
    }

    /// Other headers the offices' exports use for the same column.
    public var aliases: [String] {
        switch self {
        case .idNumber: ["idnumber", "id_number", "id", "身份证号", "身份证号码", "公民身份号码", "证件号码", "成员身份证号", "学生身份证号", "儿童身份证号"]
        case .name: ["name", "成员姓名", "学生姓名", "儿童姓名", "人员姓名"]
        case .category: ["category", "人员类别", "救助类别", "保障类别", "对象类别", "家庭类别", "户类型", "残疾类别", "类型"]
        case .householder: ["householder", "户主", "户主名称"]
        case .township: ["township", "乡镇代码", "所属乡镇代码", "区划代码", "行政区划代码", "户籍地区划代码", "户籍所在地区划代码"]
        }
    }

    /// Rows are matched to children by ID number, named for people, and routed by township; the
    /// category may be left to the source when it keeps one list.
    public var isRequiredColumn: Bool {
        switch self {
        case .idNumber, .name, .township: true
        case .category, .householder: false
        }
    }

    public var maxLength: Int {
        switch self {
        case .name, .householder: 50
        case .category: 30
        default: 32
        }
    }

    public init?(header: String) {
        let key = TextNormalization.field(header).lowercased().filter { $0 != " " && $0 != "*" }
        guard let field = FamilyRosterField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else { return nil }
        self = field
    }
}
