/// `care.activities.record`: one care activity at a school, for one child or a group. Named
/// children must be on the ledger; `participants` is the whole head count of a group activity
/// (classmates who are not left behind included), at least the number of named children.
public struct ActivityRequest: Codable, Sendable, Equatable {
    public var kind: ActivityKind
    public var school: String
    /// ID numbers or student numbers of the left-behind children who took part.
    public var students: [String]
    public var participants: Int?
    public var note: String?
    /// Today when absent; never in the future.
    public var date: CivilDate?

    public init(kind: ActivityKind, school: String, students: [String], participants: Int? = nil, note: String? = nil, date: CivilDate? = nil) {
        self.kind = kind
        self.school = school
        self.students = students
        self.participants = participants
        self.note = note
        self.date = date
    }
}
