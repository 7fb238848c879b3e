/// A page of students, always masked: the registry's answer to a list (`registry.students.list`),
/// so a list never carries a full ID number, student number, phone or birth date, not even
/// between services, and the gateway passes the registry's bytes on unchanged (decision 141).
public struct StudentSheetPage: Codable, Sendable {
    public var students: [StudentSheet]
    public var total: Int
    public var nextCursor: String?

    public init(students: [StudentSheet], total: Int, nextCursor: String?) {
        self.students = students
        self.total = total
        self.nextCursor = nextCursor
    }
}
