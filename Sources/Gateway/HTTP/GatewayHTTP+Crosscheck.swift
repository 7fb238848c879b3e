import BaoxueContracts
import Foundation
import Hummingbird

/// The roster, cross-check and ledger routes (DOMAIN.md rule 5): thin shells over ``Operations``.
extension GatewayHTTP {
    static func addCrosscheckRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        api.post("roster/import") { request, context -> Response in
            let data = try await csvBody(request, context, .householdRoster, into: UploadSpool(operations))
            return try JSONResponse.make(try await operations.crosscheck.importRoster(data, encoding: try encoding(request), sheet: parameter(request, "sheet"), allowExtraColumns: try allowExtraColumns(request), actor: try actor(request, context)))
        }
        api.post("crosscheck/run") { request, context -> Response in
            try JSONResponse.make(try await operations.crosscheck.runCrosscheck(actor: try actor(request, context)))
        }
        api.get("crosscheck") { request, context -> Response in
            let form = SuspectListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await operations.crosscheck.suspects(try form.query(), actor: try actor(request, context)))
        }
        api.post("crosscheck/:id/verify") { request, context -> Response in
            let id = try recordID(context)
            let form = try await jsonBody(VerificationForm.self, request)
            return try JSONResponse.make(try await operations.crosscheck.verifySuspect(try form.request(id: id), actor: try actor(request, context)))
        }
        for format in ExportFormat.allCases {
            api.get("ledger/{kind}.\(format.rawValue)") { request, context -> Response in
                let text = try context.parameters.require("kind")
                guard let kind = LedgerKind(rawValue: text) else {
                    throw ServiceError(.ledgerNotFound, "没有台账\(text)，可用 school-age、suspect、dropout (no ledger \(text); use school-age, suspect or dropout)")
                }
                let form = LedgerForm(kind: kind, township: parameter(request, "township"), school: parameter(request, "school"))
                let table = try await operations.crosscheck.ledger(try form.request(), actor: try actor(request, context))
                let data = format == .xlsx ? try LedgerCSV.workbook(table) : LedgerCSV.render(table)
                return attachment(data, format, name: LedgerCSV.fileName(kind, on: Timestamp.todayInChina(), extension: format.rawValue), asciiName: "\(kind.rawValue).\(format.rawValue)")
            }
        }
    }

    /// A file for Excel as a download: the Chinese file name for browsers that read `filename*`,
    /// an ASCII one for those that do not.
    static func attachment(_ data: Data, _ format: ExportFormat, name: String, asciiName: String) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-."))) ?? asciiName
        return Response(
            status: .ok,
            headers: [.contentType: format.contentType, .contentDisposition: "attachment; filename=\"\(asciiName)\"; filename*=UTF-8''\(encoded)"],
            body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}
