/// `care.assignments.assign`: a child on the ledger given to a surrogate parent. A child has one
/// surrogate at a time: assigning another ends the current assignment (`reassigned`). Refused
/// beyond the surrogate's maximum (`care.surrogateFull`).
public struct AssignmentRequest: Codable, Sendable, Equatable {
    /// ID number or student number.
    public var student: String
    public var surrogate: Int64
    /// Today when absent.
    public var date: CivilDate?

    public init(student: String, surrogate: Int64, date: CivilDate? = nil) {
        self.student = student
        self.surrogate = surrogate
        self.date = date
    }
}
