// The event bodies that state one thing's whole current state, and the key of that thing
// (decision 125). A student's added, updated and status-changed events all carry the student, but
// only the first two are keyed: a status change is history, kept for every subscriber to come.

extension Student: Compactable {
    public var outboxKey: String { Student.outboxKey(studentNumber: record.studentNumber.value) }

    /// The key of a student's record events, for a body written without decoding it (the import).
    public static func outboxKey(studentNumber: String) -> String { "student:\(studentNumber)" }
}

extension SchoolRecord: Compactable {
    public var outboxKey: String { "school:\(code)" }
}

extension Alert: Compactable {
    public var outboxKey: String { "alert:\(id)" }
}

extension CaseSummary: Compactable {
    public var outboxKey: String { "case:\(id)" }
}

extension UnlistedChildEvent: Compactable {
    public var outboxKey: String { "unlisted:\(idNumber)" }
}
