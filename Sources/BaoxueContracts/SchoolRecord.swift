/// A school (学校) as the schools file lists it.
public struct SchoolRecord: Codable, Sendable, Equatable {
    /// 学校标识码, 10 digits.
    public var code: String
    public var name: String
    public var type: SchoolType
    /// 乡镇区划代码, 9 digits: routes the school's children to their township.
    public var township: String
    /// 乡镇名称, when the file gives it: the registry keeps it as the township's name. It is not
    /// part of the school, so the registry's `registry.school.upserted` events leave it out.
    public var townshipName: String?

    public init(code: String, name: String, type: SchoolType, township: String, townshipName: String? = nil) {
        self.code = code
        self.name = name
        self.type = type
        self.township = township
        self.townshipName = townshipName
    }

    /// Reads a record from text fields keyed by column.
    public static func parse(_ fields: [SchoolField: String]) -> Result<SchoolRecord, RecordProblems> {
        var problems: [FieldProblem] = []
        func text(_ field: SchoolField) -> String { TextNormalization.field(fields[field] ?? "") }
        let code = text(.code)
        if !DivisionCodeLike.isDigits(code, count: 10) {
            problems.append(FieldProblem(field: SchoolField.code.header, reason: "学校标识码应为10位数字，实为“\(code)” (school code must be 10 digits)"))
        }
        let name = text(.name)
        if name.isEmpty || name.count > 100 {
            problems.append(FieldProblem(field: SchoolField.name.header, reason: "必填，最多100字 (required, at most 100 characters)"))
        }
        let type = SchoolType(label: text(.type))
        if type == nil {
            problems.append(FieldProblem(field: SchoolField.type.header, reason: "未知学校类型“\(text(.type))”，应为小学/初中/九年一贯制/教学点/特殊教育学校/职业中学/完全中学/高级中学/幼儿园 (unknown school type)"))
        }
        let township = text(.township)
        if DivisionCode(township, level: .township) == nil {
            problems.append(FieldProblem(field: SchoolField.township.header, reason: "乡镇区划代码应为9位数字，实为“\(township)” (township code must be 9 digits)"))
        }
        let townshipName = text(.townshipName)
        if townshipName.count > 50 {
            problems.append(FieldProblem(field: SchoolField.townshipName.header, reason: "最多50字 (at most 50 characters)"))
        }
        guard problems.isEmpty, let type else { return .failure(RecordProblems(problems)) }
        return .success(SchoolRecord(code: code, name: name, type: type, township: township, townshipName: townshipName.isEmpty ? nil : townshipName))
    }
}
