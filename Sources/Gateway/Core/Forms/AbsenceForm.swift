import BaoxueContracts

/// One absence a school reports (`POST /api/v1/absences`, `baoxue absence report`); no reason
/// means unexplained.
struct AbsenceForm: JSONForm, Equatable {
    var student: String
    var date: String?
    var reason: String?

    static let fields: Set<String> = ["student", "date", "reason"]

    func request(today: CivilDate) throws(ServiceError) -> AbsenceReport {
        AbsenceReport(student: student, date: try FormField.date(date, "date") ?? today, reason: reason)
    }
}
