/// A column of a family roster (建档立卡、低保、特困、孤儿、残疾名单) as the offices export them:
/// `身份证件号, 姓名, 类别, 户主姓名, 乡镇区划代码`, found by header. What the offices' exports add
/// besides (与户主关系, 家庭人口, 联系电话 …) is known and listed as not kept (``unusedHeaders``); any
/// other column stops the import unless the person allows extra columns (decision 81).
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

    /// A header naming the ID number or the township another way is a misspelling, not an extra
    /// column: without it no row could be matched or routed.
    public var stems: [String] {
        switch self {
        case .idNumber: ["身份证", "证件号"]
        case .township: ["区划"]
        default: []
        }
    }

    /// What the poverty office's, civil affairs' and the disability federation's exports carry
    /// besides: listed as not kept, never refused.
    public static let unusedHeaders: Set<String> = Set([
        "序号", "性别", "民族", "出生日期", "年龄", "与户主关系", "家庭人口", "家庭人数", "保障人数", "联系电话", "手机号码", "住址", "家庭住址",
        "村（社区）", "村(社区)", "所属村", "行政村", "村名", "乡镇", "乡镇名称", "县（区）", "户主身份证号", "户主身份证件号", "户主证件号码",
        "脱贫属性", "脱贫年度", "监测对象类别", "保障金额", "月保障金", "救助金额", "审批日期", "残疾等级", "残疾证号", "备注",
    ].map(headerKey))

    public init?(header: String) {
        let key = TextNormalization.field(header).lowercased().filter { $0 != " " && $0 != "*" }
        guard let field = FamilyRosterField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else { return nil }
        self = field
    }
}
