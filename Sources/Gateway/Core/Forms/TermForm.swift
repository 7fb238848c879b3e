import BaoxueContracts

/// A term as a person gives it (`PUT /api/v1/calendar/terms/{name}`, `baoxue calendar term`).
struct TermForm: JSONForm, Equatable {
    var startsOn: String
    var endsOn: String

    static let fields: Set<String> = ["startsOn", "endsOn"]

    /// A date that is no date, or one outside 1900–2200, is the calendar's refusal (422
    /// `calendar.invalid`), as the document's `format: date` already admits it.
    func request(name: String) throws(ServiceError) -> SchoolTerm {
        guard let start = CivilDate(parsing: startsOn) else { throw Self.notADate("startsOn", startsOn) }
        guard let end = CivilDate(parsing: endsOn) else { throw Self.notADate("endsOn", endsOn) }
        return SchoolTerm(name: name, startsOn: start, endsOn: end)
    }

    static func notADate(_ field: String, _ text: String) -> ServiceError {
        ServiceError(.calendarInvalid, "\(field)“\(text)”不是1900–2200年间的日期 (\(field) “\(text)” is not a date from 1900 to 2200)", problems: [FieldProblem(field: field, reason: "YYYY-MM-DD, 1900–2200")])
    }
}
