import BaoxueContracts
import Foundation
import Hummingbird

/// Student aid (资助): thin shells over ``SubsidyOperations``.
extension GatewayHTTP {
    static func addSubsidyRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        let subsidy = operations.subsidy
        api.get("subsidy/programs") { request, context -> Response in
            try JSONResponse.make(try await subsidy.programs(actor: try actor(request, context)))
        }
        api.post("subsidy/rosters") { request, context -> Response in
            let start = try RosterUploadForm(query: { parameter(request, $0) }).start(fileName: parameter(request, "fileName"))
            let data = try await csvBody(request, context, .subsidyRoster, into: UploadSpool(operations))
            return try JSONResponse.make(try await subsidy.importRoster(data, start: start, encoding: try encoding(request), sheet: parameter(request, "sheet"), allowExtraColumns: try allowExtraColumns(request), actor: try actor(request, context)))
        }
        api.get("subsidy/rosters") { request, context -> Response in
            let source: RosterSource? = try FormField.choice(parameter(request, "source"), "source")
            let query = FamilyRosterQuery(source: source, limit: try FormField.limit(parameter(request, "limit"), default: 100))
            return try JSONResponse.make(try await subsidy.rosters(query, actor: try actor(request, context)))
        }
        api.get("subsidy/rosters/unmatched") { request, context -> Response in
            let form = UnmatchedListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await subsidy.unmatched(try form.query(), actor: try actor(request, context)))
        }
        api.get("subsidy/eligible") { request, context -> Response in
            let form = EligibilityForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await subsidy.eligible(try form.query(), actor: try actor(request, context)))
        }
        api.post("subsidy/batches") { request, context -> Response in
            let form = try await jsonBody(DisbursementForm.self, request)
            return try JSONResponse.make(try await subsidy.disburse(try form.request(), actor: try actor(request, context)))
        }
        api.get("subsidy/batches") { request, context -> Response in
            let form = BatchListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await subsidy.batches(try form.query(), actor: try actor(request, context)))
        }
        api.get("subsidy/batches/:id") { request, context -> Response in
            try JSONResponse.make(try await subsidy.batch(try recordID(context), actor: try actor(request, context)))
        }
        api.get("subsidy/payments") { request, context -> Response in
            let form = PaymentListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await subsidy.payments(try form.query(), actor: try actor(request, context)))
        }
        api.post("subsidy/payments/:id/reissue") { request, context -> Response in
            let id = try recordID(context)
            let form = try await jsonBody(ReissueForm.self, request)
            return try JSONResponse.make(try await subsidy.reissue(try form.request(id: id), actor: try actor(request, context)))
        }
        api.post("subsidy/bank-results") { request, context -> Response in
            let data = try await csvBody(request, context, .bankResults, into: UploadSpool(operations))
            return try JSONResponse.make(try await subsidy.importBankResults(data, encoding: try encoding(request), sheet: parameter(request, "sheet"), allowExtraColumns: try allowExtraColumns(request), actor: try actor(request, context)))
        }
        api.get("subsidy/coverage") { request, context -> Response in
            let form = CoverageForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await subsidy.coverage(try form.query(), actor: try actor(request, context)))
        }
        api.get("subsidy/totals") { request, context -> Response in
            let form = SubsidyTotalsForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await subsidy.totals(try form.query(), actor: try actor(request, context)))
        }
        for format in ExportFormat.allCases {
            api.get("subsidy/totals.\(format.rawValue)") { request, context -> Response in
                let form = SubsidyTotalsForm(query: { parameter(request, $0) })
                let totals = try await subsidy.totals(try form.query(), actor: try actor(request, context))
                let data = format == .xlsx ? try SubsidyTotalsCSV.workbook(totals) : SubsidyTotalsCSV.data(totals)
                return attachment(data, format, name: SubsidyTotalsCSV.fileName(totals.year, extension: format.rawValue), asciiName: "subsidy-totals-\(totals.year).\(format.rawValue)")
            }
        }
        api.get("subsidy/children/:key") { request, context -> Response in
            try JSONResponse.make(try await subsidy.child(try context.parameters.require("key"), actor: try actor(request, context)))
        }
    }
}
