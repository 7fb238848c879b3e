import BaoxueContracts
import Hummingbird

/// The monitoring service's routes: absences, cases, and the alerts of every alerting service. Bodies and queries are read by the
/// same forms as the CLI's (`Core/Forms`).
extension GatewayHTTP {
    static func addMonitorRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations, today: @escaping @Sendable () -> CivilDate) {
        let monitor = operations.monitor
        api.post("absences") { request, context -> Response in
            let form = try await jsonBody(AbsenceForm.self, request)
            try await monitor.reportAbsence(try form.request(today: today()), actor: try actor(request, context))
            return try JSONResponse.make(["recorded": true], status: .created)
        }
        api.post("absences/import") { request, context -> Response in
            let data = try await csvBody(request, context, .absences, into: UploadSpool(operations))
            return try JSONResponse.make(try await monitor.importAbsences(data, encoding: try encoding(request), sheet: parameter(request, "sheet"), allowExtraColumns: try allowExtraColumns(request), actor: try actor(request, context)))
        }
        api.get("alerts") { request, context -> Response in
            let form = AlertListForm(query: { parameter(request, $0) })
            return JSONResponse.relayed(try await operations.alerts.listJSON(try form.query(), service: try form.alertingService(), actor: try actor(request, context)))
        }
        api.get("alerts/:id") { request, context -> Response in
            let service = try FormField.alertingService(parameter(request, "service"))
            return try JSONResponse.make(try await operations.alerts.alert(try recordID(context), service: service, actor: try actor(request, context)))
        }
        api.post("alerts/:id/ack") { request, context -> Response in
            let form = try await jsonBody(AcknowledgeForm.self, request)
            return try JSONResponse.make(try await operations.alerts.acknowledge(form.request(id: try recordID(context)), service: try form.alertingService(), actor: try actor(request, context)))
        }
        api.get("cases") { request, context -> Response in
            let form = CaseListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await monitor.cases(try form.query(), actor: try actor(request, context)))
        }
        api.post("cases") { request, context -> Response in
            let form = try await jsonBody(OpenCaseForm.self, request)
            return try JSONResponse.make(try await monitor.openCase(try form.request(), actor: try actor(request, context)), status: .created)
        }
        api.get("cases/:id") { request, context -> Response in
            // The case file, with the child's care record and aid beside it (``CaseView``).
            try JSONResponse.make(try await operations.caseView(try recordID(context), actor: try actor(request, context)))
        }
        api.post("cases/:id/assign") { request, context -> Response in
            let form = try await jsonBody(AssignCaseForm.self, request)
            return try JSONResponse.make(try await monitor.assignCase(try form.request(id: try recordID(context)), actor: try actor(request, context)))
        }
        api.post("cases/:id/plan") { request, context -> Response in
            let form = try await jsonBody(PlanCaseForm.self, request)
            return try JSONResponse.make(try await monitor.planCase(try form.request(id: try recordID(context)), actor: try actor(request, context)))
        }
        api.post("cases/:id/visits") { request, context -> Response in
            let form = try await jsonBody(VisitForm.self, request)
            return try JSONResponse.make(try await monitor.recordVisit(try form.request(id: try recordID(context), today: today()), actor: try actor(request, context)), status: .created)
        }
        api.post("cases/:id/steps") { request, context -> Response in
            let form = try await jsonBody(LegalStepForm.self, request)
            return try JSONResponse.make(try await monitor.recordLegalStep(try form.request(id: try recordID(context), today: today()), actor: try actor(request, context)), status: .created)
        }
        api.post("cases/:id/teaching") { request, context -> Response in
            let form = try await jsonBody(TeachingForm.self, request)
            return try JSONResponse.make(try await monitor.recordTeaching(try form.request(id: try recordID(context), today: today()), actor: try actor(request, context)), status: .created)
        }
        api.post("cases/:id/close") { request, context -> Response in
            let form = try await jsonBody(CloseCaseForm.self, request)
            return try JSONResponse.make(try await monitor.closeCase(try form.request(id: try recordID(context)), actor: try actor(request, context)))
        }
        api.get("teaching") { request, context -> Response in
            let form = TeachingListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await monitor.teaching(try form.query(), actor: try actor(request, context)))
        }
        api.post("teaching") { request, context -> Response in
            let form = try await jsonBody(TeachingStartForm.self, request)
            return try JSONResponse.make(try await monitor.startTeaching(try form.request(), actor: try actor(request, context)), status: .created)
        }
        api.post("teaching/sessions") { request, context -> Response in
            let form = try await jsonBody(TeachingSessionForm.self, request)
            return try JSONResponse.make(try await monitor.logTeaching(try form.request(today: today()), actor: try actor(request, context)), status: .created)
        }
        api.post("teaching/end") { request, context -> Response in
            let form = try await jsonBody(TeachingEndForm.self, request)
            return try JSONResponse.make(try await monitor.endTeaching(try form.request(), actor: try actor(request, context)))
        }
    }

    /// The `{id}` of an alert, a case or a suspect: a positive whole number, or 400.
    static func recordID(_ context: GatewayRequestContext) throws -> Int64 {
        try FormField.recordID(try context.parameters.require("id"))
    }
}
