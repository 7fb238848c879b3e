/// One parent on a child's ledger record: their situation, and where they work or why they cannot
/// care for the child. Name and phone are optional: the ledger is about the child's care, and a
/// parent working away is often reachable only through the guardian.
public struct ParentRecord: Codable, Sendable, Equatable {
    public var situation: ParentSituation
    /// Where the parent works (`广东东莞`): required when ``situation`` is `away`.
    public var place: String?
    /// Why the parent cannot care for the child (`重病`, `服刑`, `死亡`): required when
    /// ``situation`` is `unable`.
    public var reason: String?
    public var name: String?
    public var phone: String?

    public init(situation: ParentSituation, place: String? = nil, reason: String? = nil, name: String? = nil, phone: String? = nil) {
        self.situation = situation
        self.place = place
        self.reason = reason
        self.name = name
        self.phone = phone
    }

    /// What is wrong with the record, each problem naming `field` (`father`, `mother`): a place
    /// for a parent away, a reason for one unable to care, lengths, a phone that is a phone.
    public func problems(_ field: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func blank(_ text: String?) -> Bool { (text ?? "").trimmingWhitespace().isEmpty }
        if situation == .away, blank(place) {
            problems.append(FieldProblem(field: "\(field).place", reason: "外出务工须填写务工地 (a parent working away needs the place)"))
        }
        if situation == .unable, blank(reason) {
            problems.append(FieldProblem(field: "\(field).reason", reason: "无监护能力须说明原因 (say why the parent cannot care for the child)"))
        }
        for (key, text, limit) in [("place", place, 50), ("reason", reason, 100), ("name", name, 50)] where (text?.count ?? 0) > limit {
            problems.append(FieldProblem(field: "\(field).\(key)", reason: "最多\(limit)字 (at most \(limit) characters)"))
        }
        if let phone, FieldParsing.phone(phone) != phone {
            problems.append(FieldProblem(field: "\(field).phone", reason: "电话号码无效 (not a phone number)"))
        }
        return problems
    }

    /// The record as a list shows it: the phone masked.
    public var masked: ParentRecord {
        var copy = self
        copy.phone = phone.map(Masking.phone)
        return copy
    }
}
