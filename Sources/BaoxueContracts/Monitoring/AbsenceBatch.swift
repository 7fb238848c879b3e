/// A batch of absence rows from one CSV, each with its row number so refusals point at the row.
public struct AbsenceBatch: Codable, Sendable {
    public var rows: [NumberedRow<AbsenceRow>]

    public init(rows: [NumberedRow<AbsenceRow>]) {
        self.rows = rows
    }
}

/// One absence row: the school that reported it, and the absence.
public struct AbsenceRow: Codable, Sendable, Equatable {
    public var school: String
    public var absence: AbsenceReport

    public init(school: String, absence: AbsenceReport) {
        self.school = school
        self.absence = absence
    }
}
