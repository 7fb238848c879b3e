import BaoxueContracts

/// The JSON bodies of the monitor's routes, as people's clients send them: dates as
/// `YYYY-MM-DD`, closed lists by English code or Chinese label. Each converts to the monitor's
/// request, naming the field at fault.
enum MonitorForms {
    struct Absence: Decodable {
        var student: String
        var date: String?
        var reason: String?
        static let fields: Set<String> = ["student", "date", "reason"]
        func request() throws -> AbsenceReport {
            AbsenceReport(student: student, date: try MonitorForms.date(date, "date") ?? Timestamp.todayInChina(), reason: reason)
        }
    }

    struct Ack: Decodable {
        var note: String?
        static let fields: Set<String> = ["note"]
    }

    struct OpenCase: Decodable {
        var student: String
        var causes: [String]?
        var note: String?
        static let fields: Set<String> = ["student", "causes", "note"]
        func request() throws -> OpenCaseRequest {
            OpenCaseRequest(student: student, causes: try MonitorForms.list(causes, DropoutCause.self, "causes", maximum: 9), note: note)
        }
    }

    struct Assign: Decodable {
        var townshipOfficial: String?
        var schoolTeacher: String?
        static let fields: Set<String> = ["townshipOfficial", "schoolTeacher"]
        func request(id: Int64) throws -> AssignCaseRequest {
            for (field, value) in [("townshipOfficial", townshipOfficial), ("schoolTeacher", schoolTeacher)] where value?.isEmpty == true {
                throw ServiceError(.requestInvalid, "\(field)不能为空 (\(field) cannot be empty; leave it out to keep the current one)", problems: [FieldProblem(field: field, reason: "not empty")])
            }
            return AssignCaseRequest(id: id, townshipOfficial: townshipOfficial, schoolTeacher: schoolTeacher)
        }
    }

    struct Plan: Decodable {
        var causes: [String]?
        var measures: [String]?
        var note: String?
        static let fields: Set<String> = ["causes", "measures", "note"]
        func request(id: Int64) throws -> PlanCaseRequest {
            PlanCaseRequest(id: id, causes: try MonitorForms.list(causes, DropoutCause.self, "causes", maximum: 9), measures: try MonitorForms.list(measures, CaseMeasure.self, "measures", maximum: 8), note: note)
        }
    }

    struct Visit: Decodable {
        var date: String?
        var visitors: [String]
        var outcome: String
        var nextVisit: String?
        var campaign: String?
        static let fields: Set<String> = ["date", "visitors", "outcome", "nextVisit", "campaign"]
        func request(id: Int64) throws -> VisitRequest {
            VisitRequest(id: id, date: try MonitorForms.date(date, "date") ?? Timestamp.todayInChina(), visitors: visitors, outcome: outcome, nextVisit: try MonitorForms.date(nextVisit, "nextVisit"), campaign: campaign)
        }
    }

    struct Step: Decodable {
        var step: String
        var date: String?
        var note: String?
        static let fields: Set<String> = ["step", "date", "note"]
        func request(id: Int64) throws -> LegalStepRequest {
            guard let value = LegalStep(label: step) else { throw MonitorForms.unknown("step", step, LegalStep.accepted) }
            return LegalStepRequest(id: id, step: value, date: try MonitorForms.date(date, "date") ?? Timestamp.todayInChina(), note: note)
        }
    }

    struct Teach: Decodable {
        var date: String?
        var teacher: String
        var lessons: Int
        static let fields: Set<String> = ["date", "teacher", "lessons"]
        func request(id: Int64) throws -> TeachingRequest {
            TeachingRequest(id: id, date: try MonitorForms.date(date, "date") ?? Timestamp.todayInChina(), teacher: teacher, lessons: lessons)
        }
    }

    struct Close: Decodable {
        var outcome: String
        var date: String?
        var proof: String?
        static let fields: Set<String> = ["outcome", "date", "proof"]
        func request(id: Int64) throws -> CloseCaseRequest {
            guard let value = CaseOutcome(label: outcome) else { throw MonitorForms.unknown("outcome", outcome, CaseOutcome.accepted) }
            return CloseCaseRequest(id: id, outcome: value, date: try MonitorForms.date(date, "date"), proof: proof)
        }
    }

    /// Absent (or null) means the default; anything else must be a date.
    static func date(_ text: String?, _ field: String) throws -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(parsing: text) else {
            throw ServiceError(.requestInvalid, "\(field)不是有效日期 (\(field) is not a date, expected YYYY-MM-DD)", problems: [FieldProblem(field: field, reason: "expected YYYY-MM-DD")])
        }
        return date
    }

    /// Each value checked; more than `maximum` (there are only so many causes or measures) is refused.
    static func list<Value: CaseVocabulary>(_ texts: [String]?, _ type: Value.Type, _ field: String, maximum: Int) throws -> [Value] {
        guard (texts ?? []).count <= maximum else {
            throw ServiceError(.requestInvalid, "\(field)最多\(maximum)项 (\(field): at most \(maximum))", problems: [FieldProblem(field: field, reason: "at most \(maximum)")])
        }
        return try (texts ?? []).map { text in
            guard let value = Value(label: text) else { throw unknown(field, text, Value.accepted) }
            return value
        }
    }

    static func unknown(_ field: String, _ text: String, _ accepted: String) -> ServiceError {
        ServiceError(.requestInvalid, "\(field)不认识“\(text)” (\(field): unknown “\(text)”; one of \(accepted))", problems: [FieldProblem(field: field, reason: "one of \(accepted)")])
    }
}
