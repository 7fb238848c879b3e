import BaoxueContracts
import Hummingbird

/// Responsibility documents (目标责任书), their scores, and the monthly ledger report (台账月报).
/// Query parameters are checked as strictly as the document states them: a malformed year or
/// month is 400, never read as "no filter".
extension GatewayHTTP {
    static func addTargetRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        api.post("targets") { request, context -> Response in
            let form = try await jsonBody(TargetForm.self, request)
            let document = try await operations.targets.addTarget(try form.request(), actor: try actor(request, context))
            return try JSONResponse.make(document, status: .created)
        }
        api.get("targets") { request, context -> Response in
            let form = TargetListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await operations.targets.targets(try form.query(), actor: try actor(request, context)))
        }
        api.get("targets/score") { request, context -> Response in
            let form = TargetListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await operations.targets.targetScores(try form.scoreQuery(), actor: try actor(request, context)))
        }
        api.get("ledger/report") { request, context -> Response in
            let form = LedgerReportForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await operations.targets.ledgerReport(try form.query(), actor: try actor(request, context)))
        }
        for format in ExportFormat.allCases {
            api.get("ledger/report.\(format.rawValue)") { request, context -> Response in
                let form = LedgerReportForm(query: { parameter(request, $0) })
                let report = try await operations.targets.ledgerReport(try form.query(), actor: try actor(request, context))
                let data = format == .xlsx ? try LedgerReportCSV.workbook(report) : LedgerReportCSV.data(report)
                return attachment(data, format, name: "台账月报-\(report.month).\(format.rawValue)", asciiName: "ledger-report-\(report.month).\(format.rawValue)")
            }
        }
    }
}
