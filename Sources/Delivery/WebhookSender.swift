import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts one message to one webhook and says how it went. An attempt has a time limit; a robot's
/// answer counts as delivered only with `errcode` 0 (企业微信 and 钉钉 answer HTTP 200 to a
/// refused message: a wrong key, a missing keyword, too many messages a minute); a generic
/// receiver's only with a 2xx status. Errors are kept with the address masked.
public struct WebhookSender: Sendable {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    public func send(_ payload: Data, to webhook: Webhook, timeout: Duration) async -> DeliveryOutcome {
        guard let url = URL(string: webhook.url.raw) else { return .failed(status: nil, error: "webhook地址无法解析 (the webhook URL cannot be parsed)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = payload
        request.timeoutInterval = Double(timeout.wholeMilliseconds) / 1_000
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("baoxue", forHTTPHeaderField: "User-Agent")
        switch await Self.post(request, on: session, timeout: timeout) {
        case .answered(let data, let response):
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return Self.interpret(status: status, body: data, kind: webhook.kind, url: webhook.url)
        case .timedOut:
            return .failed(status: nil, error: "超时（\(timeout.wholeMilliseconds) ms）(timed out after \(timeout.wholeMilliseconds) ms)")
        case .cancelled:
            return .failed(status: nil, error: "已取消（网关正在停止）(cancelled: the gateway is stopping)")
        case .failed(let error):
            return .failed(status: nil, error: webhook.url.scrub(Self.describe(error)))
        }
    }

    private enum Attempt: Sendable {
        case answered(Data, URLResponse)
        case timedOut
        case cancelled
        case failed(any Error)
    }

    /// One request, ended by its answer, the time limit or the caller's cancellation, whichever
    /// comes first. The URLSession task itself is never cancelled: on Linux, cancelling one
    /// while it completes crashes the process (FoundationNetworking's task registry), so a late
    /// answer is simply dropped and the task ends by its own `timeoutInterval`.
    private static func post(_ request: URLRequest, on session: URLSession, timeout: Duration) async -> Attempt {
        let outcome = Once<Attempt>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Attempt, Never>) in
                outcome.set(continuation)
                session.dataTask(with: request) { data, response, error in
                    if let data, let response { outcome.resume(.answered(data, response)) } else { outcome.resume(.failed(error ?? URLError(.badServerResponse))) }
                }.resume()
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(timeout.wholeMilliseconds))) { outcome.resume(.timedOut) }
            }
        } onCancel: {
            outcome.resume(.cancelled)
        }
    }

    /// Reads an answer by the webhook's kind.
    static func interpret(status: Int, body: Data, kind: WebhookKind, url: WebhookURL) -> DeliveryOutcome {
        guard (200..<300).contains(status) else {
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            return .failed(status: status, error: url.scrub("HTTP \(status)" + (text.isEmpty ? "" : ": \(text)")))
        }
        switch kind {
        case .generic:
            return .delivered(status: status)
        case .wecom, .dingtalk:
            // Both robots answer {"errcode": 0, "errmsg": "ok"}; anything else is a refusal.
            guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let code = (object["errcode"] as? NSNumber)?.intValue else {
                return .failed(status: status, error: "机器人的回答不是预期的JSON (the robot's answer is not the expected JSON)")
            }
            guard code == 0 else {
                return .failed(status: status, error: url.scrub("errcode \(code): \(object["errmsg"] as? String ?? "")"))
            }
            return .delivered(status: status)
        }
    }

    /// A transport error in a line, without the userInfo dump (which repeats the address).
    static func describe(_ error: any Error) -> String {
        if let error = error as? URLError {
            switch error.code {
            case .cannotConnectToHost: return "无法连接 (cannot connect)"
            case .cannotFindHost, .dnsLookupFailed: return "找不到主机 (host not found)"
            case .networkConnectionLost: return "连接中断 (connection lost)"
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
                return "TLS握手失败 (TLS failed)"
            default: return "网络错误 \(error.code.rawValue) (network error \(error.code.rawValue))"
            }
        }
        return String("\(type(of: error))".prefix(100))
    }
}
