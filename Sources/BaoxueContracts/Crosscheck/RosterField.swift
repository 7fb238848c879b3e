/// A column of the household-registration roster of school-age children (户籍适龄人口名单), as
/// public security exports it: `姓名, 身份证件号, 户籍地区划代码, 监护人姓名, 监护人电话`.
public enum RosterField: String, ImportColumn, CaseIterable, Sendable, Codable {
    case name, idNumber, householdRegion, guardianName, guardianPhone

    /// The roster's column name.
    public var header: String {
        switch self {
        case .name: "姓名"
        case .idNumber: "身份证件号"
        case .householdRegion: "户籍地区划代码"
        case .guardianName: "监护人姓名"
        case .guardianPhone: "监护人电话"
        }
    }

    /// Headers accepted besides ``header``: English names and the spellings other exports use.
    public var aliases: [String] {
        switch self {
        case .name: ["name", "儿童姓名"]
        case .idNumber: ["idnumber", "id_number", "id", "身份证号", "身份证号码", "公民身份号码"]
        case .householdRegion: ["householdregion", "household_region", "region", "户籍所在地区划代码", "户籍地", "户口所在地行政区划", "户籍地行政区划代码", "行政区划代码"]
        case .guardianName: ["guardianname", "guardian_name", "guardian", "监护人"]
        case .guardianPhone: ["guardianphone", "guardian_phone", "phone", "联系电话"]
        }
    }

    /// A roster without names, ID numbers or household regions cannot be cross-checked;
    /// guardians are optional (they help the township find the family).
    public var isRequiredColumn: Bool {
        switch self {
        case .name, .idNumber, .householdRegion: true
        case .guardianName, .guardianPhone: false
        }
    }

    /// The longest value accepted, in characters.
    public var maxLength: Int {
        switch self {
        case .name, .guardianName: 50
        default: 32
        }
    }

    public var stems: [String] {
        switch self {
        case .name: ["姓名"]
        case .idNumber: ["身份号", "身份证", "证件号"]
        case .householdRegion: ["区划", "户籍地", "户口所在"]
        case .guardianName: ["监护"]
        case .guardianPhone: ["电话", "手机"]
        }
    }

    /// What a public-security household export carries besides (性别, 户号, 与户主关系 …): listed as
    /// not kept, never refused.
    public static let unusedHeaders: Set<String> = Set([
        "序号", "性别", "民族", "出生日期", "户号", "户别", "与户主关系", "户主姓名", "住址", "详址", "户籍地址",
        "现住址", "派出所", "所属派出所", "村（居）委会", "居委会", "村委会", "文化程度", "服务处所", "婚姻状况", "备注",
    ].map(headerKey))

    /// Finds the column a header names, ignoring case, spaces and a `*` marking required columns.
    public init?(header: String) {
        let key = Self.headerKey(header)
        guard let field = RosterField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else { return nil }
        self = field
    }
}
