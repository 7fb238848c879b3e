/// The person who actually looks after a left-behind child (实际监护人): name, relation, age,
/// phone and health, as the ledger records them.
public struct Guardian: Codable, Sendable, Equatable {
    public var name: String
    public var relation: GuardianRelation
    public var age: Int?
    public var phone: String?
    public var health: GuardianHealth?

    public init(name: String, relation: GuardianRelation, age: Int? = nil, phone: String? = nil, health: GuardianHealth? = nil) {
        self.name = name
        self.relation = relation
        self.age = age
        self.phone = phone
        self.health = health
    }

    /// What is wrong, each problem naming its field under `guardian`.
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.trimmingWhitespace().isEmpty || name.count > 50 || FieldParsing.personName(name) != name {
            problems.append(FieldProblem(field: "guardian.name", reason: "必填，最多50字 (required, at most 50 characters)"))
        }
        if let age, !(10...120).contains(age) {
            problems.append(FieldProblem(field: "guardian.age", reason: "年龄应为10–120 (age must be 10–120)"))
        }
        if let phone, FieldParsing.phone(phone) != phone {
            problems.append(FieldProblem(field: "guardian.phone", reason: "电话号码无效 (not a phone number)"))
        }
        return problems
    }

    /// The guardian as a list shows them: the name and the phone masked, as a list shows the
    /// registry's guardian (``Masking``: one mask for each kind of value, decision 111).
    public var masked: Guardian {
        var copy = self
        copy.name = Masking.personName(name)
        copy.phone = phone.map(Masking.phone)
        return copy
    }
}
