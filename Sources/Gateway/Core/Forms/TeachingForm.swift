import BaoxueContracts

/// One home-delivered teaching session (送教上门) on a case.
struct TeachingForm: JSONForm, Equatable {
    var date: String?
    var teacher: String
    var lessons: Int

    static let fields: Set<String> = ["date", "teacher", "lessons"]

    func request(id: Int64, today: CivilDate) throws(ServiceError) -> TeachingRequest {
        TeachingRequest(id: id, date: try FormField.date(date, "date") ?? today, teacher: teacher, lessons: lessons)
    }
}
