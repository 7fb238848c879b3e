import Access
import Delivery
import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation
import Hummingbird
import Prometheus

/// The gateway's HTTP face: JSON under `/api/v1`, `/healthz`, `/metrics`, `/openapi.json`. Every
/// route is a thin shell over ``Operations``.
public enum GatewayHTTP {
    /// Largest JSON body accepted on writes.
    static let maximumJSON = 1024 * 1024

    /// - Parameters:
    ///   - alerts: the followed alert feed, for `/api/v1/alerts/stream` (nil: the stream answers 503).
    ///   - keepAlive: how often an idle stream gets a comment line.
    ///   - today: the county's civil date, for forms that default to today.
    public static func router(operations: Operations, metrics: PrometheusCollectorRegistry?, alerts: AlertHub? = nil, keepAlive: Duration = .seconds(15), today: @escaping @Sendable () -> CivilDate = Timestamp.todayInChina) -> Router<GatewayRequestContext> {
        let router = Router(context: GatewayRequestContext.self, options: .autoGenerateHeadEndpoints)
        // Metrics outermost, so they count the status the error middleware chose.
        router.add(middleware: MetricsMiddleware())
        let routes = RouteTable()  // filled from the router below, once every route is added
        router.add(middleware: ServiceErrorMiddleware(routes: routes))
        router.add(middleware: QueryLimitMiddleware())

        router.get("/healthz") { _, _ -> Response in
            // Open to any caller (load balancers, probes): whether each service answers, not
            // what it holds, and without asking any service to count anything.
            let report = HealthReport(services: await operations.services.liveness())
            return try JSONResponse.make(report, status: report.status == "down" ? .serviceUnavailable : .ok)
        }
        let openAPI = OpenAPIDocument.shipped.map { ByteBuffer(string: $0.json) }  // loaded once, here at start
        router.get("/openapi.json") { _, context -> Response in
            switch openAPI {
            case .success(let json):
                return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: json))
            case .failure(let error):
                context.logger.error("the OpenAPI document did not load", metadata: ["error": "\(error)"])
                throw ServiceError(.internal, "接口文档无法加载 (the API document did not load): \(error)")
            }
        }
        router.get("/metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics?.emitToBuffer() ?? [])))
        }

        let api = router.group("api/v1").add(middleware: BearerAuthMiddleware(operations: operations)).add(middleware: IdempotencyMiddleware(operations: operations))
        api.get("me") { _, context -> Response in
            try JSONResponse.make(try context.requireActor())
        }
        api.get("audit") { request, context -> Response in
            let form = AuditListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await operations.access.auditLog(try form.query(), actor: try actor(request, context)))
        }
        api.post("schools/import") { request, context -> Response in
            let data = try await csvBody(request, context, .schools, into: UploadSpool(operations))
            let outcome = try await operations.registry.importSchools(data, encoding: try encoding(request), sheet: parameter(request, "sheet"), allowExtraColumns: try allowExtraColumns(request), actor: try actor(request, context))
            return try JSONResponse.make(outcome)
        }
        api.post("students/import") { request, context -> Response in
            let data = try await csvBody(request, context, .students, into: UploadSpool(operations))
            let outcome = try await operations.registry.importStudents(data, encoding: try encoding(request), sheet: parameter(request, "sheet"), allowExtraColumns: try allowExtraColumns(request), actor: try actor(request, context))
            return try JSONResponse.make(outcome)
        }
        api.get("schools") { request, context -> Response in
            let township = try FormField.code(parameter(request, "township"), "township", digits: 9)
            return try JSONResponse.make(try await operations.registry.schools(township: township, actor: try actor(request, context)))
        }
        api.get("students") { request, context -> Response in
            let form = StudentListForm(query: { parameter(request, $0) })
            return JSONResponse.relayed(try await operations.registry.studentsJSON(try form.query(), actor: try actor(request, context)))
        }
        api.post("students") { request, context -> Response in
            let body = try await jsonBody([String: FormValue].self, request, allowed: Set(StudentField.allCases.map(\.rawValue)).union(["documents", "date", "fromOutsideCounty"]))
            var fields: [StudentField: String] = [:]
            for (key, value) in body { if let field = StudentField(rawValue: key) { fields[field] = value.text } }
            let form = NewStudentForm(fields: fields, documents: FormField.list(body["documents"]?.text), date: body["date"]?.text, fromOutsideCounty: body["fromOutsideCounty"]?.text)
            let detail = try await operations.registry.addStudent(try form.request(), actor: try actor(request, context))
            return try JSONResponse.make(detail, status: .created)
        }
        api.get("students/:key") { request, context -> Response in
            let key = try context.parameters.require("key")
            return try JSONResponse.make(try await operations.registry.student(key, actor: try actor(request, context)))
        }
        api.post("students/:key/changes") { request, context -> Response in
            let key = try context.parameters.require("key")
            let form = try await jsonBody(ChangeForm.self, request)
            let event = try await operations.registry.changeStatus(try form.request(student: key, today: today()), actor: try actor(request, context))
            return try JSONResponse.make(event, status: .created)
        }
        api.post("changes/batch") { request, context -> Response in
            let data = try await csvBody(request, context, .changes, into: UploadSpool(operations))
            let dryRun = try FormField.flag(parameter(request, "dryRun"), "dryRun")
            let outcome = try await operations.registry.changeBatch(
                data, encoding: try encoding(request), sheet: parameter(request, "sheet"), allowExtraColumns: try allowExtraColumns(request), dryRun: dryRun, today: today(),
                actor: try actor(request, context))
            return try JSONResponse.make(outcome)
        }
        api.post("students/promote") { request, context -> Response in
            let form = try await jsonBody(PromotionForm.self, request)
            return try JSONResponse.make(try await operations.registry.promote(try form.request(today: today()), actor: try actor(request, context)))
        }
        api.post("changes/:id/documents") { request, context -> Response in
            let form = try await jsonBody(ChangeDocumentsForm.self, request)
            return try JSONResponse.make(try await operations.registry.addDocuments(form.request(change: try recordID(context)), actor: try actor(request, context)))
        }
        api.get("changes") { request, context -> Response in
            let form = ChangeListForm(query: { parameter(request, $0) })
            return try JSONResponse.make(try await operations.registry.changes(try form.query(), actor: try actor(request, context)))
        }
        addAlertStream(to: api, operations: operations, alerts: alerts, keepAlive: keepAlive)
        addMonitorRoutes(to: api, operations: operations, today: today)
        addTargetRoutes(to: api, operations: operations)
        addCalendarRoutes(to: api, operations: operations)
        addDeliveryRoutes(to: api, operations: operations, alerts: alerts)
        addCrosscheckRoutes(to: api, operations: operations)
        addSubsidyRoutes(to: api, operations: operations)
        addCareRoutes(to: api, operations: operations)
        addReportRoutes(to: api, operations: operations)
        addDashboardRoutes(to: router, operations: operations, today: today)
        routes.record(router.routes)
        return router
    }

    /// Who is calling: the user ``BearerAuthMiddleware`` authenticated, with their address.
    static func actor(_ request: Request, _ context: GatewayRequestContext) throws -> Actor {
        try context.requireActor()
    }

    /// A query parameter as the caller sent it.
    static func parameter(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters.get(name).map { String($0) }
    }

    static func encoding(_ request: Request) throws -> TextEncoding? {
        try FormField.choice(parameter(request, "encoding"), "encoding")
    }

    /// An import's `allowExtraColumns=true`: the caller's word that columns the import does not
    /// know may be left out (``Table/refuseUnknownColumns(allowingExtra:)``).
    static func allowExtraColumns(_ request: Request) throws -> Bool {
        try FormField.flag(parameter(request, "allowExtraColumns"), "allowExtraColumns")
    }

    static func csvBody(_ request: Request, _ context: GatewayRequestContext, _ upload: Upload, into spool: UploadSpool) async throws -> Data {
        // Who may upload is decided before a byte of the body is read: a viewer's 500 MB file is
        // refused at once, without being received or held.
        try upload.allows(AccessScope(try context.requireActor()))
        let tooLarge = ServiceError(.requestTooLarge, "上传文件超过\(upload.limit >> 20) MB (the upload is larger than \(upload.limit >> 20) MB)")
        // A declared length over the limit is refused before a byte is read, not after.
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > upload.limit { throw tooLarge }
        do {
            return try await spool.receive(request.body, limit: upload.limit, tooLarge: tooLarge)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        }
    }

    /// Decodes a JSON body, refusing unknown fields (a typo must not be silently dropped) and
    /// bodies over ``maximumJSON``.
    static func jsonBody<T: JSONForm>(_ type: T.Type, _ request: Request) async throws -> T {
        try await jsonBody(type, request, allowed: T.fields)
    }

    static func jsonBody<T: Decodable>(_ type: T.Type, _ request: Request, allowed: Set<String>) async throws -> T {
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumJSON)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // NIOTooManyBytesError for a streamed body, HTTPError for a declared length.
            throw ServiceError(.requestTooLarge, "请求体超过1 MB (the request body is larger than 1 MB)")
        }
        return try decodeBody(type, Data(buffer.readBytes(length: buffer.readableBytes) ?? []), allowed: allowed)
    }

    /// Reads a JSON body as the routes do: an object, no field outside `allowed` (a typo must not
    /// be silently dropped), each field of its type.
    static func decodeBody<T: Decodable>(_ type: T.Type, _ data: Data, allowed: Set<String>) throws(ServiceError) -> T {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ServiceError(.requestMalformed, "请求体不是JSON对象 (the body is not a JSON object)")
        }
        let unknown = Set(object.keys).subtracting(allowed).sorted()
        guard unknown.isEmpty else {
            throw ServiceError(.requestUnknownField, "未知字段：\(unknown.joined(separator: ", ")) (unknown fields: \(unknown.joined(separator: ", ")))", problems: unknown.map { FieldProblem(field: $0, reason: "unknown field") })
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ServiceError(.requestInvalid, "请求体字段有误：\(WireCoding.explain(error)) (invalid body: \(WireCoding.explain(error)))")
        }
    }
}
