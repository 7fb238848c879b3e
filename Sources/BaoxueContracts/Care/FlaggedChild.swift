/// A child the school flagged as left behind (学籍 留守情况: 单亲留守 or 双亲留守, a parent away
/// three months or more) who is not on civil affairs' ledger, and why: nobody recorded the family
/// yet (`notRecorded`), or the definition says no (a parent at home and able, over 16, urban…).
/// The registry's flag is broader than the ledger; this list is where the two are reconciled.
public struct FlaggedChild: Codable, Sendable, Equatable {
    /// Masked.
    public var student: String
    public var studentName: String
    public var grade: Int
    public var school: String
    public var schoolName: String?
    public var township: String
    public var registryFlag: LeftBehindStatus
    public var reasons: [LedgerReason]

    public init(student: String, studentName: String, grade: Int, school: String, schoolName: String?, township: String, registryFlag: LeftBehindStatus, reasons: [LedgerReason]) {
        self.student = student
        self.studentName = studentName
        self.grade = grade
        self.school = school
        self.schoolName = schoolName
        self.township = township
        self.registryFlag = registryFlag
        self.reasons = reasons
    }
}
