/// `care.surrogates.register`: a teacher or volunteer registered as a surrogate parent (代理家长)
/// with their school or their village. Exactly one of `school` and `village` is given; the
/// township follows from it.
public struct SurrogateRequest: Codable, Sendable, Equatable {
    public var name: String
    public var kind: SurrogateKind
    public var phone: String?
    /// 10-digit school code.
    public var school: String?
    /// 12-digit village code (its first nine digits are the township).
    public var village: String?

    public init(name: String, kind: SurrogateKind, phone: String? = nil, school: String? = nil, village: String? = nil) {
        self.name = name
        self.kind = kind
        self.phone = phone
        self.school = school
        self.village = village
    }

    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.trimmingWhitespace().isEmpty || name.count > 50 || FieldParsing.personName(name) != name {
            problems.append(FieldProblem(field: "name", reason: "必填，最多50字 (required, at most 50 characters)"))
        }
        if let phone, FieldParsing.phone(phone) != phone {
            problems.append(FieldProblem(field: "phone", reason: "电话号码无效 (not a phone number)"))
        }
        func digits(_ text: String, _ count: Int) -> Bool { text.utf8.count == count && text.utf8.allSatisfy { (48...57).contains($0) } }
        switch (school, village) {
        case (let school?, nil) where !digits(school, 10):
            problems.append(FieldProblem(field: "school", reason: "学校标识码应为10位数字 (the school code must be 10 digits)"))
        case (nil, let village?) where !digits(village, 12):
            problems.append(FieldProblem(field: "village", reason: "村代码应为12位数字 (the village code must be 12 digits)"))
        case (nil, nil), (.some, .some):
            problems.append(FieldProblem(field: "school", reason: "学校与村须填且只填一项 (give exactly one of school and village)"))
        default:
            break
        }
        return problems
    }
}
