import BaoxueContracts
import Foundation
import Hummingbird

/// The care service's routes (关爱, `/api/v1/care/…`): the ledger, children's care records,
/// homes, surrogate parents and contacts, wishes, activities, notices, gaps and figures. Bodies
/// and queries are read by the same forms as the CLI's (`Core/Forms`). Care alerts are the
/// alert routes' with `service=care`.
extension GatewayHTTP {
    static func addCareRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        let care = operations.care

        // The ledger.
        api.get("care/ledger") { request, context -> Response in
            let form = CareLedgerListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.ledger(try form.query(), actor: try actor(request, context)))
        }
        api.post("care/ledger") { request, context -> Response in
            let body = try await jsonBody([String: FormValue].self, request, allowed: LedgerRecordForm.bodyFields)
            return try JSONResponse.make(try await care.recordChild(try LedgerRecordForm(body: body).request(), actor: try actor(request, context)), status: .created)
        }
        api.post("care/ledger/import") { request, context -> Response in
            let data = try await csvBody(request, context, .careLedger, into: UploadSpool(operations))
            return try JSONResponse.make(try await care.importLedger(data, encoding: try encoding(request), sheet: parameter(request, "sheet"), allowExtraColumns: try allowExtraColumns(request), actor: try actor(request, context)))
        }
        api.get("care/ledger/flagged") { request, context -> Response in
            let form = CareScopeForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.flagged(try form.query(), actor: try actor(request, context)))
        }
        for format in ExportFormat.allCases {
            api.get("care/ledger.\(format.rawValue)") { request, context -> Response in
                let form = CareLedgerListForm(query: { parameter(request, $0) })
                let table = try await care.exportLedger(try form.query(), actor: try actor(request, context))
                let data = format == .xlsx
                    ? try LedgerCSV.workbook(title: "留守儿童台账", headers: table.headers, rows: table.rows) : LedgerCSV.render(headers: table.headers, rows: table.rows)
                return attachment(data, format, name: "留守儿童台账-\(Timestamp.todayInChina()).\(format.rawValue)", asciiName: "left-behind-ledger.\(format.rawValue)")
            }
        }

        // One child's care.
        api.get("care/children/:key") { request, context -> Response in
            try JSONResponse.make(try await care.child(try context.parameters.require("key"), actor: try actor(request, context)))
        }
        api.post("care/children/:key/surrogate") { request, context -> Response in
            let form = try await jsonBody(AssignmentForm.self, request)
            return try JSONResponse.make(try await care.assign(try form.request(student: try context.parameters.require("key")), actor: try actor(request, context)), status: .created)
        }
        api.post("care/children/:key/surrogate/end") { request, context -> Response in
            let form = try await jsonBody(AssignmentEndForm.self, request)
            return try JSONResponse.make(try await care.endAssignment(try form.request(student: try context.parameters.require("key")), actor: try actor(request, context)))
        }
        api.post("care/children/:key/contacts") { request, context -> Response in
            let form = try await jsonBody(ContactForm.self, request)
            return try JSONResponse.make(try await care.logContact(try form.request(student: try context.parameters.require("key")), actor: try actor(request, context)), status: .created)
        }

        // Homes and surrogate parents.
        api.get("care/homes") { request, context -> Response in
            let form = CareScopeForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.homes(try form.query(), actor: try actor(request, context)))
        }
        api.post("care/homes") { request, context -> Response in
            let form = try await jsonBody(HomeForm.self, request)
            return try JSONResponse.make(try await care.recordHome(try form.request(), actor: try actor(request, context)), status: .created)
        }
        api.get("care/surrogates") { request, context -> Response in
            let form = CareScopeForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.surrogates(try form.query(), actor: try actor(request, context)))
        }
        api.post("care/surrogates") { request, context -> Response in
            let form = try await jsonBody(SurrogateForm.self, request)
            return try JSONResponse.make(try await care.registerSurrogate(try form.request(), actor: try actor(request, context)), status: .created)
        }

        // Wishes.
        api.get("care/wishes") { request, context -> Response in
            let form = WishListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.wishes(try form.query(), actor: try actor(request, context)))
        }
        api.get("care/wishes/donor") { request, context -> Response in
            let form = WishListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.donorWishes(try form.query(), actor: try actor(request, context)))
        }
        api.post("care/wishes") { request, context -> Response in
            let form = try await jsonBody(WishForm.self, request)
            return try JSONResponse.make(try await care.postWish(try form.request(), actor: try actor(request, context)), status: .created)
        }
        api.post("care/wishes/:id/claim") { request, context -> Response in
            let form = try await jsonBody(WishStepForm.self, request, allowed: WishStepForm.claimFields)
            return try JSONResponse.make(try await care.claimWish(try form.claim(id: try recordID(context)), actor: try actor(request, context)))
        }
        api.post("care/wishes/:id/fulfil") { request, context -> Response in
            let form = try await jsonBody(WishStepForm.self, request, allowed: WishStepForm.fulfilFields)
            return try JSONResponse.make(try await care.fulfilWish(try form.fulfil(id: try recordID(context)), actor: try actor(request, context)))
        }
        api.post("care/wishes/:id/withdraw") { request, context -> Response in
            let form = try await jsonBody(WishStepForm.self, request, allowed: WishStepForm.withdrawFields)
            return try JSONResponse.make(try await care.withdrawWish(try form.withdraw(id: try recordID(context)), actor: try actor(request, context)))
        }

        // Activities, notices, gaps, figures, the sweep.
        api.get("care/activities") { request, context -> Response in
            let form = ActivityListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.activities(try form.query(), actor: try actor(request, context)))
        }
        api.post("care/activities") { request, context -> Response in
            let form = try await jsonBody(ActivityForm.self, request)
            return try JSONResponse.make(try await care.recordActivity(try form.request(), actor: try actor(request, context)), status: .created)
        }
        api.get("care/activities/summary") { request, context -> Response in
            let form = ActivitySummaryForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.activitySummary(try form.query(), actor: try actor(request, context)))
        }
        api.get("care/notices") { request, context -> Response in
            let form = NoticeListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.notices(try form.query(), actor: try actor(request, context)))
        }
        api.get("care/gaps") { request, context -> Response in
            let form = CareScopeForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.gaps(try form.query(), actor: try actor(request, context)))
        }
        api.get("care/figures") { request, context -> Response in
            let form = CareFiguresForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await care.figures(try form.query(), actor: try actor(request, context)))
        }
        api.post("care/sweep") { request, context -> Response in
            try JSONResponse.make(try await care.sweep(actor: try actor(request, context)))
        }
    }
}
