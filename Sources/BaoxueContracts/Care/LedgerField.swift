/// A column of civil affairs' ledger of left-behind children (农村留守儿童信息台账), mapped by
/// header as the other imports are: Chinese names as the civil-affairs sheets write them, the
/// spellings other counties use, and English aliases.
public enum LedgerField: String, CaseIterable, Sendable, Codable, ImportColumn {
    case name, idNumber, studentNumber
    case fatherSituation, fatherPlace, fatherReason, fatherName, fatherPhone
    case motherSituation, motherPlace, motherReason, motherName, motherPhone
    case guardianName, guardianRelation, guardianAge, guardianPhone, guardianHealth
    case directorName, directorPhone, supervisorName, supervisorPhone, enteredOn

    public var header: String {
        switch self {
        case .name: "姓名"
        case .idNumber: "身份证件号"
        case .studentNumber: "全国学籍号"
        case .fatherSituation: "父亲情况"
        case .fatherPlace: "父亲务工地"
        case .fatherReason: "父亲无监护能力原因"
        case .fatherName: "父亲姓名"
        case .fatherPhone: "父亲电话"
        case .motherSituation: "母亲情况"
        case .motherPlace: "母亲务工地"
        case .motherReason: "母亲无监护能力原因"
        case .motherName: "母亲姓名"
        case .motherPhone: "母亲电话"
        case .guardianName: "实际监护人"
        case .guardianRelation: "与儿童关系"
        case .guardianAge: "监护人年龄"
        case .guardianPhone: "监护人电话"
        case .guardianHealth: "监护人健康状况"
        case .directorName: "儿童主任"
        case .directorPhone: "儿童主任电话"
        case .supervisorName: "儿童督导员"
        case .supervisorPhone: "儿童督导员电话"
        case .enteredOn: "登记日期"
        }
    }

    public var aliases: [String] {
        switch self {
        case .name: ["name", "儿童姓名"]
        case .idNumber: ["idnumber", "id_number", "id", "身份证号", "身份证号码", "公民身份号码"]
        case .studentNumber: ["studentnumber", "student_number", "学籍号"]
        case .fatherSituation: ["father", "父亲状况", "父亲外出情况"]
        case .fatherPlace: ["fatherplace", "父亲务工地点", "父亲外出务工地点"]
        case .fatherReason: ["fatherreason", "父亲情况说明"]
        case .fatherName: ["fathername"]
        case .fatherPhone: ["fatherphone", "父亲联系电话"]
        case .motherSituation: ["mother", "母亲状况", "母亲外出情况"]
        case .motherPlace: ["motherplace", "母亲务工地点", "母亲外出务工地点"]
        case .motherReason: ["motherreason", "母亲情况说明"]
        case .motherName: ["mothername"]
        case .motherPhone: ["motherphone", "母亲联系电话"]
        case .guardianName: ["guardian", "guardianname", "实际监护人姓名", "监护人姓名", "监护人"]
        case .guardianRelation: ["relation", "guardianrelation", "监护人关系", "监护人与儿童关系"]
        case .guardianAge: ["guardianage", "监护人年龄（岁）"]
        case .guardianPhone: ["guardianphone", "监护人联系电话"]
        case .guardianHealth: ["guardianhealth", "监护人健康情况"]
        case .directorName: ["director", "村（居）儿童主任", "村儿童主任"]
        case .directorPhone: ["directorphone", "儿童主任联系电话"]
        case .supervisorName: ["supervisor", "乡镇儿童督导员"]
        case .supervisorPhone: ["supervisorphone", "儿童督导员联系电话"]
        case .enteredOn: ["enteredon", "entered_on", "登记时间", "建档日期"]
        }
    }

    /// A ledger row needs the child (name and ID number, or the student number for a child
    /// without one), both parents' situation and the guardian.
    public var isRequiredColumn: Bool {
        switch self {
        case .name, .idNumber, .fatherSituation, .motherSituation, .guardianName, .guardianRelation: true
        default: false
        }
    }

    /// The longest value accepted, in characters.
    public var maxLength: Int {
        switch self {
        case .fatherReason, .motherReason: 100
        default: 50
        }
    }

    public init?(header: String) {
        let key = TextNormalization.field(header).lowercased().filter { $0 != " " && $0 != "*" }
        guard let field = LedgerField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else { return nil }
        self = field
    }
}
