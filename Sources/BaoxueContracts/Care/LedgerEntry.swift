/// One recorded child as the care service answers: who the child is (masked student number, as
/// every care reply), what the registry says (household type, the school's left-behind flag,
/// orphan and 事实无人抚养 flags), the family situation, whether the child is on the ledger and
/// why, and the surrogate parent. Lists carry phones masked; the single record carries them in
/// full for roles allowed to see them.
public struct LedgerEntry: Codable, Sendable, Equatable {
    public var id: Int64
    /// Masked: `G510123********123X`.
    public var student: String
    public var studentName: String
    public var sex: Sex
    /// The age the child reaches this calendar year (``Masking/ageByYear(_:on:)``): care's
    /// replies name a child by the masked number only, so never an age that changes on the
    /// birthday (decision 111).
    public var age: Int
    public var grade: Int
    public var school: String
    public var schoolName: String?
    public var township: String
    public var householdType: HouseholdType?
    /// What the school recorded in the registry (学籍 留守情况).
    public var registryFlag: LeftBehindStatus
    public var orphan: Bool
    public var unattended: Bool
    public var father: ParentRecord
    public var mother: ParentRecord
    public var guardian: Guardian
    public var director: CareContact?
    public var supervisor: CareContact?
    public var state: LedgerState
    /// Why the child is on the ledger (one qualifying reason) or not (every reason that applies).
    public var reasons: [LedgerReason]
    /// The day the child (last) entered the ledger.
    public var enteredOn: CivilDate?
    /// The day the child left it, when inactive after having been on it.
    public var leftOn: CivilDate?
    public var surrogate: SurrogateRef?
    public var lastContactOn: CivilDate?
    /// Whether phones are masked.
    public var masked: Bool

    public init(id: Int64, student: String, studentName: String, sex: Sex, age: Int, grade: Int, school: String, schoolName: String?, township: String, householdType: HouseholdType?, registryFlag: LeftBehindStatus, orphan: Bool, unattended: Bool, father: ParentRecord, mother: ParentRecord, guardian: Guardian, director: CareContact?, supervisor: CareContact?, state: LedgerState, reasons: [LedgerReason], enteredOn: CivilDate?, leftOn: CivilDate?, surrogate: SurrogateRef?, lastContactOn: CivilDate?, masked: Bool) {
        self.id = id
        self.student = student
        self.studentName = studentName
        self.sex = sex
        self.age = age
        self.grade = grade
        self.school = school
        self.schoolName = schoolName
        self.township = township
        self.householdType = householdType
        self.registryFlag = registryFlag
        self.orphan = orphan
        self.unattended = unattended
        self.father = father
        self.mother = mother
        self.guardian = guardian
        self.director = director
        self.supervisor = supervisor
        self.state = state
        self.reasons = reasons
        self.enteredOn = enteredOn
        self.leftOn = leftOn
        self.surrogate = surrogate
        self.lastContactOn = lastContactOn
        self.masked = masked
    }

    /// The entry with every phone masked, and no date that is a birthday, as lists, ledger exports
    /// and viewers get it.
    public var maskedCopy: LedgerEntry {
        var copy = self
        copy.father = father.masked
        copy.mother = mother.masked
        copy.guardian = guardian.masked
        copy.director = director?.masked
        copy.supervisor = supervisor?.masked
        // A child who aged out left on their 16th birthday: the date beside a masked number would
        // give the hidden birth date back (decision 111). The reason says why; the year follows
        // from the birth year.
        if reasons.contains(.aged16) { copy.leftOn = nil }
        copy.masked = true
        return copy
    }
}
