/// One page of students, with the total matching and the cursor of the next page.
public struct StudentPage: Codable, Sendable {
    public var students: [Student]
    public var total: Int
    public var nextCursor: String?

    public init(students: [Student], total: Int, nextCursor: String?) {
        self.students = students
        self.total = total
        self.nextCursor = nextCursor
    }
}
