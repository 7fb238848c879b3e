import CZeroMQ
import Foundation

/// Answers libzmq's ZAP requests (RFC 27) on `inproc://zeromq.zap.01` for one context: a CURVE
/// client is let in only when its public key is on the allow-list. Runs on the loop thread that
/// owns it, like every other socket.
final class ZAPHandler {
    static let endpoint = "inproc://zeromq.zap.01"
    let socket: Socket
    let allowed: Set<String>

    init(context: Context, allowed: Set<String>) throws {
        socket = try Socket(context: context, type: .reply)
        try socket.bind(ZAPHandler.endpoint)
        self.allowed = allowed
    }

    /// Handles every waiting request.
    func serve() {
        while let request = try? socket.receive(dontWait: true) {
            // [version, request id, domain, address, identity, mechanism, credentials…]
            guard request.count >= 6 else { continue }
            let version = request[0], requestID = request[1]
            let mechanism = String(decoding: request[5], as: UTF8.self)
            var key = ""
            if mechanism == "CURVE", request.count >= 7, request[6].count == 32 {
                key = ZAPHandler.z85(request[6])
            }
            let accepted = mechanism == "CURVE" && allowed.contains(key)
            let reply: [Data] = [
                version, requestID,
                Data((accepted ? "200" : "400").utf8),
                Data((accepted ? "OK" : "client key not allowed").utf8),
                Data(key.utf8),  // user id: the client's public key, for logs
                Data(),
            ]
            try? socket.send(reply)
        }
    }

    static func z85(_ key: Data) -> String {
        var text = [CChar](repeating: 0, count: 41)
        key.withUnsafeBytes { bytes in
            _ = zmq_z85_encode(&text, bytes.bindMemory(to: UInt8.self).baseAddress, 32)
        }
        return String(decoding: text.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
