/// The body of `registry.students.add`: one child entered by hand, with the documents of their
/// enrolment.
public struct AddStudentRequest: Codable, Sendable {
    public var record: StudentRecord
    public var documents: [String]
    /// The enrolment date; today when omitted.
    public var date: CivilDate?
    /// The child arrives from a school outside the county (县外转入): recorded as a transfer in,
    /// with the transfer's documents (转出证明), not as a first enrolment asking for 户口簿.
    public var fromOutsideCounty: Bool

    public init(record: StudentRecord, documents: [String] = [], date: CivilDate? = nil, fromOutsideCounty: Bool = false) {
        self.record = record
        self.documents = documents
        self.date = date
        self.fromOutsideCounty = fromOutsideCounty
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        record = try c.decode(StudentRecord.self, forKey: .record)
        documents = try c.decodeIfPresent([String].self, forKey: .documents) ?? []
        date = try c.decodeIfPresent(CivilDate.self, forKey: .date)
        fromOutsideCounty = try c.decodeIfPresent(Bool.self, forKey: .fromOutsideCounty) ?? false
    }
}
