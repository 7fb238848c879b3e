import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal HTTP client for tests, as any other-language client would be.
public struct HTTPTestClient: Sendable {
    public let base: String

    public init(base: String) {
        self.base = base
    }

    public struct Reply: Sendable {
        public var status: Int
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }
        public func json() throws -> [String: Any] {
            (try JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        }
    }

    public func get(_ path: String) async throws -> Reply {
        try await send("GET", path, body: nil)
    }

    public func post(_ path: String, body: Data, contentType: String = "application/json") async throws -> Reply {
        try await send("POST", path, body: body, contentType: contentType)
    }

    public func send(_ method: String, _ path: String, body: Data?, contentType: String = "application/json") async throws -> Reply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 60
        // URLSession would send the machine's locale; a county's browser asks for Chinese.
        request.setValue("zh-CN", forHTTPHeaderField: "Accept-Language")
        if body != nil { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        return try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data ?? Data()))
                }
            }.resume()
        }
    }

    /// Polls until `path` answers 200 or the deadline passes.
    public func waitUntilOK(_ path: String, within: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + within
        while ContinuousClock.now < deadline {
            if let reply = try? await get(path), reply.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw URLError(.timedOut)
    }
}
