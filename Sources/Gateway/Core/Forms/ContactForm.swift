import BaoxueContracts

/// A surrogate parent's contact with a child (`POST /api/v1/care/children/{key}/contacts`).
struct ContactForm: JSONForm, Equatable {
    var way: String
    var note: String?
    var date: String?

    static let fields: Set<String> = ["way", "note", "date"]

    func request(student: String) throws(ServiceError) -> ContactRequest {
        guard let way: ContactWay = try FormField.choice(way, "way") else { throw FormField.required("way") }
        return ContactRequest(student: student, way: way, note: note, date: try FormField.date(date, "date"))
    }
}
