import BaoxueTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes

/// A HummingbirdTesting client that reads like ``HTTPTestClient`` (same calls, same reply), so
/// a route test says the same thing whether it runs in-process or over a socket.
struct RouterClient: Sendable {
    let client: any TestClientProtocol
    /// Sent as `Authorization: Bearer …` when set.
    var token: String?
    /// Extra headers on every request.
    var headers: [String: String] = [:]

    /// The same client acting with another token (nil: none).
    func with(token: String?) -> RouterClient {
        var copy = self
        copy.token = token
        return copy
    }

    func get(_ path: String) async throws -> HTTPTestClient.Reply {
        try await send("GET", path, body: nil)
    }

    func post(_ path: String, body: Data, contentType: String = "application/json") async throws -> HTTPTestClient.Reply {
        try await send("POST", path, body: body, contentType: contentType)
    }

    func send(_ method: String, _ path: String, body: Data?, contentType: String = "application/json") async throws -> HTTPTestClient.Reply {
        var fields = HTTPFields()
        fields[.acceptLanguage] = "zh-CN"
        if body != nil { fields[.contentType] = contentType }
        if let token { fields[.authorization] = "Bearer \(token)" }
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        let response = try await client.executeRequest(
            uri: path, method: HTTPRequest.Method(method)!, headers: fields, body: body.map { ByteBuffer(bytes: $0) })
        var replyHeaders: [String: String] = [:]
        for field in response.headers { replyHeaders[field.name.canonicalName] = field.value }
        return HTTPTestClient.Reply(status: response.status.code, body: Data(response.body.readableBytesView), headers: replyHeaders)
    }
}
