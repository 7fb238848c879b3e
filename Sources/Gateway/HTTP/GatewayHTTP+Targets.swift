import BaoxueContracts
import Hummingbird

/// Responsibility documents (目标责任书), their scores, and the monthly ledger report (台账月报).
/// Query parameters are checked as strictly as the document states them: a malformed year or
/// month is 400, never read as "no filter".
extension GatewayHTTP {
    static func addTargetRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        api.post("targets") { request, context -> Response in
            let form = try await jsonBody(TargetForm.self, request, allowed: TargetForm.fields)
            let document = try await operations.targets.addTarget(try form.request(), actor: try actor(request, context))
            return try JSONResponse.make(document, status: .created)
        }
        api.get("targets") { request, context -> Response in
            let query = TargetQuery(year: try year(request, required: false), township: try code(request, "township", digits: 9), school: try code(request, "school", digits: 10))
            return try JSONResponse.make(try await operations.targets.targets(query, actor: try actor(request, context)))
        }
        api.get("targets/score") { request, context -> Response in
            let query = TargetScoreQuery(year: try year(request, required: true)!, township: try code(request, "township", digits: 9), school: try code(request, "school", digits: 10))
            return try JSONResponse.make(try await operations.targets.targetScores(query, actor: try actor(request, context)))
        }
        api.get("ledger/report") { request, context -> Response in
            let query = LedgerReportQuery(month: try month(request), township: try code(request, "township", digits: 9))
            return try JSONResponse.make(try await operations.targets.ledgerReport(query, actor: try actor(request, context)))
        }
        api.get("ledger/report.csv") { request, context -> Response in
            let query = LedgerReportQuery(month: try month(request), township: try code(request, "township", digits: 9))
            let report = try await operations.targets.ledgerReport(query, actor: try actor(request, context))
            return csvAttachment(LedgerReportCSV.data(report), name: "台账月报-\(query.month).csv", asciiName: "ledger-report-\(query.month).csv")
        }
    }

    /// `?year=`: four digits, 2000–2100.
    static func year(_ request: Request, required: Bool) throws -> Int? {
        guard let text = request.uri.queryParameters.get("year") else {
            guard !required else {
                throw ServiceError(.requestInvalid, "缺少参数year（年度，如2026）(parameter year is required, e.g. 2026)", problems: [FieldProblem(field: "year", reason: "required")])
            }
            return nil
        }
        guard text.utf8.count == 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text), (2000...2100).contains(value) else {
            throw ServiceError(.requestInvalid, "year应为2000–2100的年份 (year must be a year from 2000 to 2100)", problems: [FieldProblem(field: "year", reason: "2000–2100")])
        }
        return value
    }

    /// `?month=`: `YYYY-MM`, 2000-01 to 2100-12.
    static func month(_ request: Request) throws -> CivilMonth {
        let text = request.uri.queryParameters.get("month").map { String($0) } ?? ""
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == 0x2D, bytes.enumerated().allSatisfy({ $0.offset == 4 || (0x30...0x39).contains($0.element) }),
            let month = CivilMonth(parsing: text), (2000...2100).contains(month.year)
        else {
            throw ServiceError(.requestInvalid, "month应为YYYY-MM，如2026-10 (month must be YYYY-MM, e.g. 2026-10)", problems: [FieldProblem(field: "month", reason: "YYYY-MM")])
        }
        return month
    }
}
