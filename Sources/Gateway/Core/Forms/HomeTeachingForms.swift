import BaoxueContracts

/// A home-teaching placement started (`POST /api/v1/teaching`, `baoxue teaching start`).
struct TeachingStartForm: JSONForm, Equatable {
    var student: String
    var teacher: String
    var reason: String
    var startedOn: String?
    var lessonsPerYear: Int?

    static let fields: Set<String> = ["student", "teacher", "reason", "startedOn", "lessonsPerYear"]

    func request() throws(ServiceError) -> HomeTeachingStart {
        HomeTeachingStart(student: student, teacher: teacher, reason: reason, startedOn: try FormField.date(startedOn, "startedOn"), lessonsPerYear: lessonsPerYear)
    }
}

/// One session on a placement (`POST /api/v1/teaching/sessions`, `baoxue teaching log`).
struct TeachingSessionForm: JSONForm, Equatable {
    var student: String
    var date: String?
    var teacher: String?
    var lessons: Int

    static let fields: Set<String> = ["student", "date", "teacher", "lessons"]

    func request(today: CivilDate) throws(ServiceError) -> HomeTeachingSession {
        HomeTeachingSession(student: student, date: try FormField.date(date, "date") ?? today, teacher: teacher, lessons: lessons)
    }
}

/// A placement ended (`POST /api/v1/teaching/end`, `baoxue teaching end`).
struct TeachingEndForm: JSONForm, Equatable {
    var student: String
    var date: String?
    var reason: String

    static let fields: Set<String> = ["student", "date", "reason"]

    func request() throws(ServiceError) -> HomeTeachingEnd {
        HomeTeachingEnd(student: student, date: try FormField.date(date, "date"), reason: reason)
    }
}

/// Which placements to list (`GET /api/v1/teaching`, `baoxue teaching list`): current ones unless
/// `ended` asks for all.
struct TeachingListForm: Equatable {
    var township: String?
    var school: String?
    var ended: String?
    var limit: String?

    func query() throws(ServiceError) -> HomeTeachingQuery {
        HomeTeachingQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            ended: try FormField.flag(ended, "ended"), limit: try FormField.limit(limit, default: 500))
    }
}

extension TeachingListForm {
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), ended: parameter("ended"), limit: parameter("limit"))
    }
}
