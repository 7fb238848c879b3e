import BaoxueContracts

/// A page of students, always masked.
public struct StudentSheetPage: Codable, Sendable {
    public var students: [StudentSheet]
    public var total: Int
    public var nextCursor: String?

    public init(_ page: StudentPage) {
        students = page.students.map { StudentSheet($0, masked: true) }
        total = page.total
        nextCursor = page.nextCursor
    }
}
