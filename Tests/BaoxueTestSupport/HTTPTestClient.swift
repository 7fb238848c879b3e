import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal HTTP client for tests, as any other-language client would be.
public struct HTTPTestClient: Sendable {
    public let base: String
    /// Sent as `Authorization: Bearer …` when set.
    public var token: String?
    /// Extra headers on every request.
    public var headers: [String: String] = [:]

    public init(base: String, token: String? = nil) {
        self.base = base
        self.token = token
    }

    /// The same client acting with another token (nil: none).
    public func with(token: String?) -> HTTPTestClient {
        var copy = self
        copy.token = token
        return copy
    }

    public struct Reply: Sendable {
        public var status: Int
        public var body: Data
        /// Lower-case names.
        public var headers: [String: String] = [:]

        public init(status: Int, body: Data, headers: [String: String] = [:]) {
            self.status = status
            self.body = body
            self.headers = headers
        }

        public var text: String { String(decoding: body, as: UTF8.self) }
        public func json() throws -> [String: Any] {
            (try JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        }
    }

    public func get(_ path: String) async throws -> Reply {
        try await send("GET", path, body: nil)
    }

    public func post(_ path: String, body: Data, contentType: String = "application/json", timeout: TimeInterval = 60) async throws -> Reply {
        try await send("POST", path, body: body, contentType: contentType, timeout: timeout)
    }

    public func send(_ method: String, _ path: String, body: Data?, contentType: String = "application/json", timeout: TimeInterval = 60) async throws -> Reply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = timeout
        // URLSession would send the machine's locale; a county's browser asks for Chinese.
        request.setValue("zh-CN", forHTTPHeaderField: "Accept-Language")
        if body != nil { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    let http = response as? HTTPURLResponse
                    var headers: [String: String] = [:]
                    for (name, value) in http?.allHeaderFields ?? [:] { headers[String(describing: name).lowercased()] = String(describing: value) }
                    continuation.resume(returning: Reply(status: http?.statusCode ?? 0, body: data ?? Data(), headers: headers))
                }
            }.resume()
        }
    }

    /// Polls until `path` answers 200 or the deadline passes.
    public func waitUntilOK(_ path: String, within: Duration = .seconds(30)) async throws {
        guard try await eventually(within: within, every: .milliseconds(100), { (try? await get(path))?.status == 200 }) else { throw URLError(.timedOut) }
    }
}
