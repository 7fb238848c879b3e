/// The body of `PUT /api/v1/reports/inputs/{year}/{key}`: the value and an optional note.
struct ReportInputBody: JSONForm, Equatable {
    var value: String
    var note: String?

    static let fields: Set<String> = ["value", "note"]
}
