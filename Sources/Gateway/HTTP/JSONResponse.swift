import BaoxueContracts
import Foundation
import Hummingbird

/// JSON responses, encoded the same way everywhere (no escaped slashes, UTF-8, ISO dates as text).
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let data = try encoder.encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": {"code", "message", "problems"}}` with the status the code implies.
    static func error(_ error: ServiceError, language: Language) -> Response {
        var shown = error
        shown.message = Localized.pick(error.message, language)
        shown.problems = error.problems?.map { FieldProblem(field: $0.field, reason: Localized.pick($0.reason, language)) }
        guard var response = try? make(["error": shown], status: status(for: error.code)) else { return Response(status: .internalServerError) }
        if response.status == .unauthorized {
            response.headers[.wwwAuthenticate] = #"Bearer realm="baoxue""#
        }
        return response
    }

    /// Refusals because of the record's state, not the request: 409.
    static let conflicts: Set<String> = ["change.notAllowed", "student.exists", "user.exists", "case.notOpen", "case.unassigned", "case.returnNotRecorded", "webhook.exists", "webhook.fromConfig", "delivery.notResendable", "delivery.webhookRemoved"]

    /// HTTP status by error code: no or bad token 401, out of scope 403, not found 404, conflicts with the record's state 409, bad input
    /// 400/413/422, services down 503.
    static func status(for code: String) -> HTTPResponse.Status {
        if code.hasSuffix(".notFound") { return .notFound }
        if code == "service.unavailable" { return .serviceUnavailable }
        if code == "internal" { return .internalServerError }
        if code.hasPrefix("scope.") { return .forbidden }
        if code.hasPrefix("auth.") { return .unauthorized }
        if code == "request.tooLarge" { return .contentTooLarge }
        if code == "request.methodNotAllowed" { return .methodNotAllowed }
        if conflicts.contains(code) { return .conflict }
        if code.hasPrefix("request.") || code.hasPrefix("csv.") || code.hasPrefix("import.") { return .badRequest }
        return .unprocessableContent
    }
}
