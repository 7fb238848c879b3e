/// The body of `registry.students.add`: one child entered by hand, with the documents of their
/// enrolment.
public struct AddStudentRequest: Codable, Sendable {
    public var record: StudentRecord
    public var documents: [String]
    /// The enrolment date; today when omitted.
    public var date: CivilDate?

    public init(record: StudentRecord, documents: [String] = [], date: CivilDate? = nil) {
        self.record = record
        self.documents = documents
        self.date = date
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        record = try c.decode(StudentRecord.self, forKey: .record)
        documents = try c.decodeIfPresent([String].self, forKey: .documents) ?? []
        date = try c.decodeIfPresent(CivilDate.self, forKey: .date)
    }
}
