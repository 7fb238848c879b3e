/// A column of the national student roster, with its Chinese header and the English aliases an
/// import also accepts. The national 学籍 system's own export imports as it comes: its headers
/// are aliases here, the columns Baoxue does not keep are ``unusedHeaders``, and its family
/// members (成员1…, 成员2…) give the guardian when the file has no 监护人 column (docs/imports.md).
public enum StudentField: String, CaseIterable, Sendable, Codable, ImportColumn {
    case name, sex, birthDate, idNumber, studentNumber, schoolCode, grade, className, enrolledOn
    case householdRegion, attendance, registeredPoor, subsistence, disability, leftBehind
    case guardianName, guardianPhone
    /// 身份证件类型: a number that is not a resident ID card's is not checked as one (and not kept).
    case idType
    /// The national export's first two family members: the one marked 监护人 is the guardian.
    case member1Name, member1Phone, member1Guardian, member2Name, member2Phone, member2Guardian

    /// The roster's column name.
    public var header: String {
        switch self {
        case .name: "姓名"
        case .sex: "性别"
        case .birthDate: "出生日期"
        case .idNumber: "身份证件号"
        case .studentNumber: "全国学籍号"
        case .schoolCode: "学校标识码"
        case .grade: "年级"
        case .className: "班级"
        case .enrolledOn: "入学年月"
        case .householdRegion: "户籍所在地区划代码"
        case .attendance: "就读方式"
        case .registeredPoor: "是否建档立卡"
        case .subsistence: "是否低保"
        case .disability: "是否残疾"
        case .leftBehind: "留守情况"
        case .guardianName: "监护人姓名"
        case .guardianPhone: "监护人电话"
        case .idType: "身份证件类型"
        case .member1Name: "成员1姓名"
        case .member1Phone: "成员1联系电话"
        case .member1Guardian: "成员1是否监护人"
        case .member2Name: "成员2姓名"
        case .member2Phone: "成员2联系电话"
        case .member2Guardian: "成员2是否监护人"
        }
    }

    /// Headers accepted for this column besides ``header``: English names, and what the national
    /// 学籍 and household-registration exports write.
    public var aliases: [String] {
        switch self {
        case .name: ["name", "学生姓名"]
        case .sex: ["sex", "gender"]
        case .birthDate: ["birthdate", "birth_date", "dateofbirth"]
        case .idNumber: ["idnumber", "id_number", "身份证号", "身份证号码", "身份证件号码", "公民身份号码", "id"]
        case .studentNumber: ["studentnumber", "student_number", "学籍号"]
        case .schoolCode: ["schoolcode", "school_code", "school"]
        case .grade: ["grade", "年级名称"]
        case .className: ["class", "classname", "class_name", "班级名称", "班号"]
        case .enrolledOn: ["enrolledon", "enrolled_on", "enrollment", "入学时间", "入学日期"]
        case .householdRegion: ["householdregion", "household_region", "户籍地区划代码", "户口所在地行政区划", "户口所在地区划代码", "户籍所在地行政区划"]
        case .attendance: ["attendance", "boarding", "是否住校"]
        case .registeredPoor: ["registeredpoor", "registered_poor", "建档立卡", "是否建档立卡贫困户", "是否建档立卡户", "建档立卡贫困户"]
        case .subsistence: ["subsistence", "dibao", "低保", "是否低保家庭", "是否低保户"]
        case .disability: ["disability", "残疾", "残疾类型", "残疾类别"]
        case .leftBehind: ["leftbehind", "left_behind", "留守", "是否留守儿童", "留守儿童类型"]
        case .guardianName: ["guardianname", "guardian_name", "guardian", "监护人"]
        case .guardianPhone: ["guardianphone", "guardian_phone", "phone", "监护人联系电话", "监护人手机"]
        case .idType: ["idtype", "id_type", "证件类型"]
        case .member1Name, .member1Phone, .member1Guardian, .member2Name, .member2Phone, .member2Guardian: []
        }
    }

    public var stems: [String] {
        switch self {
        case .name: ["姓名"]
        case .sex: ["性别"]
        case .birthDate: ["出生日期", "生日"]
        case .idNumber: ["身份证", "证件号"]
        case .studentNumber: ["学籍号"]
        case .schoolCode: ["学校标识", "学校代码"]
        case .grade: ["年级"]
        case .className: ["班级"]
        case .enrolledOn: ["入学"]
        case .householdRegion: ["户籍", "户口所在", "区划"]
        case .attendance: ["就读方式", "住校", "寄宿", "走读"]
        case .registeredPoor: ["建档", "贫困"]
        case .subsistence: ["低保"]
        case .disability: ["残疾"]
        case .leftBehind: ["留守"]
        case .guardianName: ["监护", "家长"]
        case .guardianPhone: ["电话", "手机"]
        case .idType: ["证件类型"]
        case .member1Name, .member1Phone, .member1Guardian, .member2Name, .member2Phone, .member2Guardian: ["成员"]
        }
    }

    /// The national 学籍 export's columns that Baoxue does not keep: the child's other details,
    /// and the family members beyond the two it reads the guardian from.
    public static let unusedHeaders: Set<String> = {
        var headers: Set<String> = [
            "序号", "学校名称", "姓名拼音", "曾用名", "出生地", "籍贯", "民族", "国籍/地区", "国籍", "港澳台侨外",
            "政治面貌", "健康状况", "血型", "照片", "身份证件有效期", "户口性质", "非农业户口类型", "入学方式",
            "学生来源", "现住址", "通信地址", "家庭地址", "联系电话", "邮政编码", "电子信箱", "主页地址",
            "是否独生子女", "是否受过学前教育", "是否进城务工人员随迁子女", "是否孤儿", "是否烈士或优抚子女",
            "随班就读", "是否由政府购买学位", "是否需要申请资助", "是否享受一补", "上下学距离", "上下学方式",
            "是否需要乘坐校车", "学籍辅号", "班内学号", "特长", "备注",
        ]
        for member in 1...6 {
            for detail in ["关系", "现住址", "户口所在地行政区划", "身份证件类型", "身份证件号", "民族", "工作单位", "职务"] {
                headers.insert("成员\(member)\(detail)")
            }
            if member > 2 {
                for detail in ["姓名", "联系电话", "是否监护人"] { headers.insert("成员\(member)\(detail)") }
            }
        }
        return Set(headers.map(headerKey))
    }()

    /// Columns only the national export has (its ID type and family members): Baoxue's own
    /// files, the demo's and the templates, write every other column.
    public var isNationalExportOnly: Bool {
        switch self {
        case .idType, .member1Name, .member1Phone, .member1Guardian, .member2Name, .member2Phone, .member2Guardian: true
        default: false
        }
    }

    /// Baoxue's own roster layout, in order.
    public static var ownLayout: [StudentField] { allCases.filter { !$0.isNationalExportOnly } }

    /// Columns a file must have. `身份证件号` may be empty for a child without one, but then
    /// `全国学籍号` must be given; the record checks that.
    public var isRequiredColumn: Bool {
        switch self {
        case .name, .sex, .birthDate, .idNumber, .schoolCode, .grade: true
        default: false
        }
    }

    /// The longest value accepted, in characters.
    public var maxLength: Int {
        switch self {
        case .name, .guardianName, .member1Name, .member2Name: 50
        case .className: 30
        default: 32
        }
    }

    /// Finds the column a header names, ignoring case, spaces and a `*` marking required columns.
    public init?(header: String) {
        let key = Self.headerKey(header)
        guard let field = StudentField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else {
            return nil
        }
        self = field
    }
}
