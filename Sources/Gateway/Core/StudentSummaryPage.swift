import BaoxueContracts

/// A page of masked students.
public struct StudentSummaryPage: Codable, Sendable {
    public var students: [StudentSummary]
    public var total: Int
    public var nextCursor: String?

    public init(_ page: StudentPage) {
        students = page.students.map(StudentSummary.init)
        total = page.total
        nextCursor = page.nextCursor
    }
}
