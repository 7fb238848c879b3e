/// A person to call about a child: the village's children's director (儿童主任), the township's
/// children's supervisor (儿童督导员), a home's person in charge, a donor.
public struct CareContact: Codable, Sendable, Equatable {
    public var name: String
    public var phone: String?

    public init(name: String, phone: String? = nil) {
        self.name = name
        self.phone = phone
    }

    /// What is wrong, each problem naming its field under `field`.
    public func problems(_ field: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.trimmingWhitespace().isEmpty || name.count > 50 {
            problems.append(FieldProblem(field: "\(field).name", reason: "必填，最多50字 (required, at most 50 characters)"))
        }
        if let phone, FieldParsing.phone(phone) != phone {
            problems.append(FieldProblem(field: "\(field).phone", reason: "电话号码无效 (not a phone number)"))
        }
        return problems
    }

    public var masked: CareContact { CareContact(name: name, phone: phone.map(Masking.phone)) }
}
