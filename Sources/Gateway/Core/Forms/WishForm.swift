import BaoxueContracts

/// A micro-wish posted for a child (`POST /api/v1/care/wishes`).
struct WishForm: JSONForm, Equatable {
    var student: String
    var wish: String
    var value: Int
    var date: String?

    static let fields: Set<String> = ["student", "wish", "value", "date"]

    func request() throws(ServiceError) -> WishRequest {
        WishRequest(student: TextNormalization.field(student), wish: wish, value: value, date: try FormField.date(date, "date"))
    }
}
