/// One child's aid (`subsidy.children.get`): the lists their family is on, the programs they are
/// eligible for this term and next, and every payment. What a persuasion-return case with the
/// 资助转介 measure shows on its file. Masked.
public struct ChildSubsidy: Codable, Sendable, Equatable {
    public var student: String
    public var name: String
    public var township: String
    public var school: String
    public var schoolName: String?
    public var grade: Int
    public var status: StudentStatus
    public var attendance: AttendanceMode
    /// Every list membership, current and past.
    public var basis: [EligibilityBasis]
    /// The term of today, and the programs the child is eligible for in it.
    public var term: Term
    public var eligible: [String]
    public var payments: [Payment]

    public init(student: String, name: String, township: String, school: String, schoolName: String?, grade: Int, status: StudentStatus, attendance: AttendanceMode, basis: [EligibilityBasis], term: Term, eligible: [String], payments: [Payment]) {
        self.student = student
        self.name = name
        self.township = township
        self.school = school
        self.schoolName = schoolName
        self.grade = grade
        self.status = status
        self.attendance = attendance
        self.basis = basis
        self.term = term
        self.eligible = eligible
        self.payments = payments
    }
}
