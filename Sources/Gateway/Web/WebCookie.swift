import HTTPTypes
import Hummingbird

/// The dashboard's cookie and CSRF header (decision 129): one name for each, used by the sign-in
/// page that sets them and by ``BearerAuthMiddleware`` that reads them.
enum WebCookie {
    static let session = "baoxue_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    /// The session cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's
    /// request carries it), for the whole site, gone when the session ends; `Secure` when the
    /// gateway is reached over TLS (a proxy in front says so with `X-Forwarded-Proto: https`).
    static func set(_ id: String, maxAge: Int, secure: Bool) -> String {
        "\(session)=\(id); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"
    }

    static func clear(secure: Bool) -> String { set("", maxAge: 0, secure: secure) }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
