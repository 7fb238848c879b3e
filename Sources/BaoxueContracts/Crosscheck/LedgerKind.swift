/// The county's three ledgers of DOMAIN.md rule 5 (台账), as `ledger export --kind` and
/// `/api/v1/ledger/{kind}.csv` name them.
public enum LedgerKind: String, Codable, Sendable, CaseIterable {
    /// 适龄儿童台账: the roster's children of compulsory-school age with their registry status.
    case schoolAge = "school-age"
    /// 疑似辍学学生台账: the cross-check's suspects with reasons and verification.
    case suspect
    /// 辍学学生台账: the persuasion-return cases.
    case dropout

    /// The ledger's title, which is also the suggested file name.
    public func title(_ language: Language) -> String {
        switch self {
        case .schoolAge: language.pick("适龄儿童台账", "school-age children ledger")
        case .suspect: language.pick("疑似辍学学生台账", "suspected dropouts ledger")
        case .dropout: language.pick("辍学学生台账", "dropouts ledger")
        }
    }
}

/// Which ledger to export, limited to a township or school. Scope narrows them further.
public struct LedgerRequest: Codable, Sendable {
    public var kind: LedgerKind
    public var township: String?
    public var school: String?

    public init(kind: LedgerKind, township: String? = nil, school: String? = nil) {
        self.kind = kind
        self.township = township
        self.school = school
    }
}
