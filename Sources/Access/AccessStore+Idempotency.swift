import BaoxueContracts
import GRDB

extension AccessStore {
    /// Claims `key` for `route` (`POST /api/v1/students/{key}/changes`) and `target` (a digest of
    /// the path asked, which may hold an ID number and so is not kept as text) on behalf of
    /// `user`, or checks that an earlier claim was for the same: the same key on another path is a
    /// client's bug (a key copied from another request), refused with
    /// `request.idempotencyKeyReused` rather than answered with another request's outcome.
    ///
    /// Keys are kept `retentionDays` days, as long as the services' request journals keep the
    /// answers a retry gets back (decision 120).
    public func claimIdempotencyKey(_ key: String, user: String, route: String, target: String, retentionDays: Int = 30) async throws {
        let now = Timestamp.nowMilliseconds()
        let cutoff = Timestamp.iso8601(milliseconds: now - Int64(retentionDays) * 86_400_000)
        try await pool.write { db in
            try db.cachedStatement(sql: "DELETE FROM idempotency_key WHERE firstAt < ?").execute(arguments: [cutoff])
            if let earlier = try Row.fetchOne(db.cachedStatement(sql: "SELECT route, target FROM idempotency_key WHERE user = ? AND key = ?"), arguments: [user, key]) {
                guard earlier["route"] == route, earlier["target"] == target else {
                    let earlier: String = earlier["route"]
                    throw ServiceError(
                        .requestIdempotencyKeyReused,
                        "Idempotency-Key 已用于另一个请求（\(earlier)）；每个新请求须用新键，只有重试才复用 (this Idempotency-Key was already used for another request, \(earlier); use a new key for every new request and reuse one only to retry)")
                }
                return
            }
            try db.cachedStatement(sql: "INSERT INTO idempotency_key (user, key, route, target, firstAt) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [user, key, route, target, Timestamp.iso8601(milliseconds: now)])
        }
    }
}
