import BaoxueContracts
import Hummingbird

/// The school calendar: read by anyone signed in, set by county roles.
extension GatewayHTTP {
    static func addCalendarRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        let calendar = operations.calendar
        api.get("calendar") { request, context -> Response in
            try JSONResponse.make(try await calendar.calendar(actor: try actor(request, context)))
        }
        api.put("calendar/terms/:name") { request, context -> Response in
            let name = try context.parameters.require("name")
            let form = try await jsonBody(TermForm.self, request)
            return try JSONResponse.make(try await calendar.setTerm(try form.request(name: name), actor: try actor(request, context)))
        }
        api.delete("calendar/terms/:name") { request, context -> Response in
            try JSONResponse.make(try await calendar.removeTerm(try context.parameters.require("name"), actor: try actor(request, context)))
        }
        api.post("calendar/days") { request, context -> Response in
            let form = try await jsonBody(CalendarDaysForm.self, request)
            return try JSONResponse.make(try await calendar.setDays(try form.request(), actor: try actor(request, context)))
        }
    }
}
