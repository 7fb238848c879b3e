/// `care.contacts.log`: the child's surrogate parent was in touch (date, way, note). Logged as a
/// `surrogateContact` activity of the current surrogate; it resolves the contact reminder.
public struct ContactRequest: Codable, Sendable, Equatable {
    public var student: String
    public var way: ContactWay
    public var note: String?
    /// Today when absent; never in the future.
    public var date: CivilDate?

    public init(student: String, way: ContactWay, note: String? = nil, date: CivilDate? = nil) {
        self.student = student
        self.way = way
        self.note = note
        self.date = date
    }
}
