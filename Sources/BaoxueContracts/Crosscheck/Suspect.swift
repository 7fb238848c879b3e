/// One child of the suspected-dropout ledger (疑似辍学学生台账), as lists, the ledger export and
/// the verify reply carry it. Like an alert it names the child by name and masked numbers only:
/// it goes to township offices and their group chats.
public struct Suspect: Codable, Sendable, Equatable {
    public var id: Int64
    public var state: SuspectState
    /// What the last run that found the child found, poverty first.
    public var reasons: [CrosscheckReason]
    /// Set once verified.
    public var category: SuspectCategory?
    public var studentName: String
    /// Masked (`510123********123X`); absent for a registered child without an ID number.
    public var idNumber: String?
    /// Masked student number (`G510123********123X`): the registry's, or for a child the
    /// registry does not know, `G` + the ID number.
    public var student: String
    /// The 9-digit township the suspect is routed to, or the 6-digit county code when the
    /// household is registered at county level and the child has no school (decision 46).
    public var township: String
    /// The child's school, when the registry has one.
    public var school: String?
    public var schoolName: String?
    public var registeredPoor: Bool
    /// The roster's household division code, when the child is on the roster.
    public var householdRegion: String?
    /// The year of birth only: the masked numbers hide the birth date (decision 111).
    public var birthYear: Int?
    /// The registry's status; absent when the registry has no record of the child.
    public var status: StudentStatus?
    /// Unexplained absences in the cross-check's window, for ``CrosscheckReason/enrolledNotInClass``.
    public var absentDays: Int?
    /// Masked (`王**`), as every list shows a guardian's name.
    public var guardianName: String?
    /// Masked (`138****5678`).
    public var guardianPhone: String?
    public var firstFound: CivilDate
    public var lastFound: CivilDate
    public var verifiedBy: String?
    public var verifiedOn: CivilDate?
    public var proof: String?
    public var note: String?
    /// The case a ``SuspectCategory/confirmed`` verification opened.
    public var caseID: Int64?
    public var closedOn: CivilDate?
    /// Why a run cleared the suspect.
    public var closure: String?

    public init(
        id: Int64, state: SuspectState, reasons: [CrosscheckReason], category: SuspectCategory? = nil, studentName: String, idNumber: String?, student: String,
        township: String, school: String? = nil, schoolName: String? = nil, registeredPoor: Bool, householdRegion: String? = nil, birthYear: Int? = nil,
        status: StudentStatus? = nil, absentDays: Int? = nil, guardianName: String? = nil, guardianPhone: String? = nil, firstFound: CivilDate, lastFound: CivilDate,
        verifiedBy: String? = nil, verifiedOn: CivilDate? = nil, proof: String? = nil, note: String? = nil, caseID: Int64? = nil, closedOn: CivilDate? = nil, closure: String? = nil
    ) {
        self.id = id
        self.state = state
        self.reasons = reasons
        self.category = category
        self.studentName = studentName
        self.idNumber = idNumber
        self.student = student
        self.township = township
        self.school = school
        self.schoolName = schoolName
        self.registeredPoor = registeredPoor
        self.householdRegion = householdRegion
        self.birthYear = birthYear
        self.status = status
        self.absentDays = absentDays
        self.guardianName = guardianName
        self.guardianPhone = guardianPhone
        self.firstFound = firstFound
        self.lastFound = lastFound
        self.verifiedBy = verifiedBy
        self.verifiedOn = verifiedOn
        self.proof = proof
        self.note = note
        self.caseID = caseID
        self.closedOn = closedOn
        self.closure = closure
    }
}
