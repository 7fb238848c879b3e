import BaoxueContracts
import Foundation
import GRDB

/// Dashboard sessions (decision 129). A session is opened with a user's token and lasts
/// ``webSessionHours`` at most; it ends at once when the user signs out, is disabled, or has their
/// token rotated, because each use checks the token it was opened with is still the user's.
extension AccessStore {
    /// How long a sign-in lasts: a working day.
    public static let webSessionHours = 10

    /// Opens a session for the enabled user `token` belongs to.
    /// - Throws: `auth.invalid` for a token that lets nobody in.
    public func openWebSession(token: String) async throws -> WebSession {
        let account = try await authenticate(token: token)
        let id = "bs_" + BearerToken.generate().dropFirst(BearerToken.prefix.count)
        let csrf = BearerToken.generate()
        let now = Timestamp.nowMilliseconds()
        let expires = Timestamp.iso8601(milliseconds: now + Int64(Self.webSessionHours) * 3_600_000)
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE expiresAt < ?", arguments: [Timestamp.iso8601(milliseconds: now)])
            try db.execute(
                sql: "INSERT INTO web_session (digest, user, tokenDigest, csrf, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [BearerToken.digest(id), account.name, BearerToken.digest(token), csrf, Timestamp.iso8601(milliseconds: now), expires])
        }
        return WebSession(id: id, csrf: csrf, account: account, expiresAt: expires)
    }

    /// The live session `id` names, or nil: unknown, expired, or its user disabled or given a new
    /// token since.
    public func webSession(_ id: String) async throws -> WebSession? {
        guard id.hasPrefix("bs_"), id.utf8.count == 46 else { return nil }
        let now = Timestamp.now()
        return try await pool.read { db -> WebSession? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT u.*, s.csrf AS sessionCsrf, s.expiresAt AS sessionExpires FROM web_session s JOIN user u ON u.name = s.user
                WHERE s.digest = ? AND s.expiresAt > ? AND u.tokenDigest = s.tokenDigest AND u.disabledAt IS NULL
                """), arguments: [BearerToken.digest(id), now]) else { return nil }
            return WebSession(id: id, csrf: row["sessionCsrf"], account: Self.account(row), expiresAt: row["sessionExpires"])
        }
    }

    /// Ends the session `id` names (signing out); nothing when there is none.
    public func closeWebSession(_ id: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM web_session WHERE digest = ?", arguments: [BearerToken.digest(id)]) }
    }
}
