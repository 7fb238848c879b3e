import BaoxueContracts
import Hummingbird

/// The monitoring service's routes: absences, alerts, cases.
extension GatewayHTTP {
    static func addMonitorRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        api.post("absences") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.Absence.self, request, allowed: MonitorForms.Absence.fields)
            try await operations.monitor.reportAbsence(try form.request(), actor: try actor(request, context))
            return try JSONResponse.make(["recorded": true], status: .created)
        }
        api.post("absences/import") { request, context -> Response in
            let data = try await csvBody(request)
            return try JSONResponse.make(try await operations.monitor.importAbsences(data, encoding: try encoding(request), actor: try actor(request, context)))
        }
        api.get("alerts") { request, context -> Response in
            let parameters = request.uri.queryParameters
            let state = try parameters.get("state").map { text in
                guard let value = AlertState(rawValue: text) else { throw invalid("state", "one of \(AlertState.allCases.map(\.rawValue).joined(separator: ", "))") }
                return value
            }
            let rule = try parameters.get("rule").map { text in
                guard let value = AlertRule(rawValue: text) else { throw invalid("rule", "one of \(AlertRule.allCases.map(\.rawValue).joined(separator: ", "))") }
                return value
            }
            let query = AlertQuery(township: try code(request, "township", digits: 9), school: try code(request, "school", digits: 10), state: state, rule: rule, limit: try pageLimit(request, default: 100))
            return try JSONResponse.make(try await operations.monitor.alerts(query, actor: try actor(request, context)))
        }
        api.get("alerts/:id") { request, context -> Response in
            try JSONResponse.make(try await operations.monitor.alert(try recordID(context), actor: try actor(request, context)))
        }
        api.post("alerts/:id/ack") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.Ack.self, request, allowed: MonitorForms.Ack.fields)
            return try JSONResponse.make(try await operations.monitor.acknowledgeAlert(AlertAcknowledgement(id: try recordID(context), note: form.note), actor: try actor(request, context)))
        }
        api.get("cases") { request, context -> Response in
            let state = try request.uri.queryParameters.get("state").map { text in
                guard let value = CaseState(rawValue: text) else { throw invalid("state", "open, probation or closed") }
                return value
            }
            let query = CaseQuery(township: try code(request, "township", digits: 9), school: try code(request, "school", digits: 10), state: state, limit: try pageLimit(request, default: 100))
            return try JSONResponse.make(try await operations.monitor.cases(query, actor: try actor(request, context)))
        }
        api.post("cases") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.OpenCase.self, request, allowed: MonitorForms.OpenCase.fields)
            return try JSONResponse.make(try await operations.monitor.openCase(try form.request(), actor: try actor(request, context)), status: .created)
        }
        api.get("cases/:id") { request, context -> Response in
            try JSONResponse.make(try await operations.monitor.caseFile(try recordID(context), actor: try actor(request, context)))
        }
        api.post("cases/:id/assign") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.Assign.self, request, allowed: MonitorForms.Assign.fields)
            return try JSONResponse.make(try await operations.monitor.assignCase(try form.request(id: try recordID(context)), actor: try actor(request, context)))
        }
        api.post("cases/:id/plan") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.Plan.self, request, allowed: MonitorForms.Plan.fields)
            return try JSONResponse.make(try await operations.monitor.planCase(try form.request(id: try recordID(context)), actor: try actor(request, context)))
        }
        api.post("cases/:id/visits") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.Visit.self, request, allowed: MonitorForms.Visit.fields)
            return try JSONResponse.make(try await operations.monitor.recordVisit(try form.request(id: try recordID(context)), actor: try actor(request, context)), status: .created)
        }
        api.post("cases/:id/steps") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.Step.self, request, allowed: MonitorForms.Step.fields)
            return try JSONResponse.make(try await operations.monitor.recordLegalStep(try form.request(id: try recordID(context)), actor: try actor(request, context)), status: .created)
        }
        api.post("cases/:id/teaching") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.Teach.self, request, allowed: MonitorForms.Teach.fields)
            return try JSONResponse.make(try await operations.monitor.recordTeaching(try form.request(id: try recordID(context)), actor: try actor(request, context)), status: .created)
        }
        api.post("cases/:id/close") { request, context -> Response in
            let form = try await jsonBody(MonitorForms.Close.self, request, allowed: MonitorForms.Close.fields)
            return try JSONResponse.make(try await operations.monitor.closeCase(try form.request(id: try recordID(context)), actor: try actor(request, context)))
        }
    }

    /// The `{id}` of an alert or case: digits, or 400.
    static func recordID(_ context: GatewayRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard text.utf8.count <= 18, let id = Int64(text), id > 0 else { throw invalid("id", "a positive whole number") }
        return id
    }

    static func invalid(_ field: String, _ reason: String) -> ServiceError {
        ServiceError(.requestInvalid, "\(field)无效 (\(field) is invalid: \(reason))", problems: [FieldProblem(field: field, reason: reason)])
    }
}
