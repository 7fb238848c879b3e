/// A column of the national student roster, with its Chinese header and the English aliases an
/// import also accepts.
public enum StudentField: String, CaseIterable, Sendable, Codable, ImportColumn {
    case name, sex, birthDate, idNumber, studentNumber, schoolCode, grade, className, enrolledOn
    case householdRegion, attendance, registeredPoor, subsistence, disability, leftBehind
    case guardianName, guardianPhone
    case householdType, orphan, unattended

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
        case .householdType: "户口性质"
        case .orphan: "是否孤儿"
        case .unattended: "是否事实无人抚养儿童"
        }
    }

    /// Headers accepted for this column besides ``header``.
    public var aliases: [String] {
        switch self {
        case .name: ["name"]
        case .sex: ["sex", "gender"]
        case .birthDate: ["birthdate", "birth_date", "dateofbirth"]
        case .idNumber: ["idnumber", "id_number", "身份证号", "身份证号码", "id"]
        case .studentNumber: ["studentnumber", "student_number", "学籍号"]
        case .schoolCode: ["schoolcode", "school_code", "school"]
        case .grade: ["grade"]
        case .className: ["class", "classname", "class_name"]
        case .enrolledOn: ["enrolledon", "enrolled_on", "enrollment", "入学时间"]
        case .householdRegion: ["householdregion", "household_region", "户籍地区划代码"]
        case .attendance: ["attendance", "boarding"]
        case .registeredPoor: ["registeredpoor", "registered_poor", "建档立卡"]
        case .subsistence: ["subsistence", "dibao", "低保"]
        case .disability: ["disability", "残疾"]
        case .leftBehind: ["leftbehind", "left_behind", "留守"]
        case .guardianName: ["guardianname", "guardian_name", "guardian"]
        case .guardianPhone: ["guardianphone", "guardian_phone", "phone"]
        case .householdType: ["householdtype", "household_type", "户口类型", "户口类别", "户籍性质"]
        case .orphan: ["orphan", "孤儿"]
        case .unattended: ["unattended", "事实无人抚养", "事实无人抚养儿童"]
        }
    }

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
        case .name, .guardianName: 50
        case .className: 30
        default: 32
        }
    }

    /// Finds the column a header names, ignoring case, spaces and a `*` marking required columns.
    public init?(header: String) {
        let key = TextNormalization.field(header).lowercased().filter { $0 != " " && $0 != "*" }
        guard let field = StudentField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else {
            return nil
        }
        self = field
    }
}
