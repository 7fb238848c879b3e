import BaoxueContracts
import Foundation
import Hummingbird

/// JSON responses, encoded the same way everywhere (no escaped slashes, UTF-8, ISO dates as text).
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data: Data
        if let writable = value as? any JSONWritable {
            // The hot answers write themselves: the same bytes, a fraction of the time.
            data = Data(writable.jsonBytes())
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            data = try encoder.encode(value)
        }
        return relayed(data, status: status)
    }

    /// JSON already written: an answer a service wrote, passed on as it came
    /// (``RequestClient/relay(_:_:actor:requestID:policy:)``), the same bytes ``make(_:status:)``
    /// would write for it.
    static func relayed(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": {"code", "kind", "message", "problems"}}` with the status the code's kind
    /// implies (``ErrorKind/outcome``, the one table the CLI's exit codes come from too).
    static func error(_ error: ServiceError, language: Language) -> Response {
        var shown = error
        shown.message = Localized.pick(error.message, language)
        shown.problems = error.problems?.map { FieldProblem(field: $0.field, reason: Localized.pick($0.reason, language)) }
        let status = HTTPResponse.Status(code: error.kind.outcome.httpStatus)
        guard var response = try? make(["error": shown], status: status) else { return Response(status: .internalServerError) }
        if response.status == .unauthorized {
            response.headers[.wwwAuthenticate] = #"Bearer realm="baoxue""#
        }
        return response
    }
}
