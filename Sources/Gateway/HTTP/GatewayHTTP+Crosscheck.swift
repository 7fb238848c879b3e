import BaoxueContracts
import Foundation
import Hummingbird

/// The roster, cross-check and ledger routes (DOMAIN.md rule 5): thin shells over ``Operations``.
extension GatewayHTTP {
    static func addCrosscheckRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        api.post("roster/import") { request, context -> Response in
            let data = try await csvBody(request)
            return try JSONResponse.make(try await operations.crosscheck.importRoster(data, encoding: try encoding(request), actor: try actor(request, context)))
        }
        api.post("crosscheck/run") { request, context -> Response in
            try JSONResponse.make(try await operations.crosscheck.runCrosscheck(actor: try actor(request, context)))
        }
        api.get("crosscheck") { request, context -> Response in
            let parameters = request.uri.queryParameters
            var query = SuspectQuery(township: try area(request), school: try code(request, "school", digits: 10), limit: try pageLimit(request, default: 100))
            if let text = parameters.get("reason") {
                guard let reason = CrosscheckReason(rawValue: text) else {
                    throw ServiceError(.requestInvalid, "未知原因\(text) (unknown reason \(text))", problems: [FieldProblem(field: "reason", reason: "one of \(CrosscheckReason.allCases.map(\.rawValue).joined(separator: ", "))")])
                }
                query.reason = reason
            }
            if let text = parameters.get("state") {
                guard let state = SuspectState(rawValue: text) else {
                    throw ServiceError(.requestInvalid, "未知状态\(text) (unknown state \(text))", problems: [FieldProblem(field: "state", reason: "open, verified or closed")])
                }
                query.state = state
            }
            return try JSONResponse.make(try await operations.crosscheck.suspects(query, actor: try actor(request, context)))
        }
        api.post("crosscheck/:id/verify") { request, context -> Response in
            let text = try context.parameters.require("id")
            guard let id = Int64(text), id > 0 else {
                throw ServiceError(.requestInvalid, "疑似编号应为正整数 (the suspect id must be a positive integer)", problems: [FieldProblem(field: "id", reason: "a positive integer")])
            }
            let form = try await jsonBody(VerificationForm.self, request, allowed: VerificationForm.fields)
            guard let category = SuspectCategory(label: form.category) else {
                throw ServiceError(.requestInvalid, "未知核查类别\(form.category) (unknown category \(form.category))", problems: [FieldProblem(field: "category", reason: "one of \(SuspectCategory.allCases.map(\.rawValue).joined(separator: ", "))")])
            }
            let verification = SuspectVerification(id: id, category: category, proof: form.proof, note: form.note)
            return try JSONResponse.make(try await operations.crosscheck.verifySuspect(verification, actor: try actor(request, context)))
        }
        api.get("ledger/{kind}.csv") { request, context -> Response in
            let text = try context.parameters.require("kind")
            guard let kind = LedgerKind(rawValue: text) else {
                throw ServiceError(.ledgerNotFound, "没有台账\(text)，可用 school-age、suspect、dropout (no ledger \(text); use school-age, suspect or dropout)")
            }
            let table = try await operations.crosscheck.ledger(LedgerRequest(kind: kind, township: try area(request), school: try code(request, "school", digits: 10)), actor: try actor(request, context))
            return csvAttachment(LedgerCSV.render(table), name: LedgerCSV.fileName(kind, on: Timestamp.todayInChina()), asciiName: "\(kind.rawValue).csv")
        }
    }

    /// A CSV file for Excel as a download: the Chinese file name for browsers that read
    /// `filename*`, an ASCII one for those that do not.
    static func csvAttachment(_ data: Data, name: String, asciiName: String) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-."))) ?? asciiName
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(asciiName)\"; filename*=UTF-8''\(encoded)"],
            body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }

    /// A township filter that may also be the 6-digit county code, where suspects whose
    /// household is registered at county level are routed (decision 46).
    static func area(_ request: Request) throws -> String? {
        guard let text = request.uri.queryParameters.get("township"), !text.isEmpty else { return nil }
        guard text.utf8.count == 6 || text.utf8.count == 9, text.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw ServiceError(.requestInvalid, "township应为9位乡镇代码或6位县级代码 (township must be a 9-digit township or 6-digit county code)", problems: [FieldProblem(field: "township", reason: "6 or 9 digits")])
        }
        return text
    }
}
