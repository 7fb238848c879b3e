import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Crypto
import Foundation
import GRDB

/// The gateway's store of users and the audit log: one SQLite file in the data directory
/// (`gateway.sqlite`, mode 0600), shared by the HTTP server and the CLI on the same host. Every
/// token check reads the file, so disabling a user or rotating a token takes effect on the very
/// next request.
public final class AccessStore: Sendable {
    public let path: String
    let pool: DatabasePool
    /// The key of ``AuditSubject`` references, made once per installation.
    let auditSecret: SymmetricKey
    /// Audit lines written in groups, each caller waiting for its own (decision 130).
    let auditLines: GroupCommit

    public init(path: String) throws {
        self.path = path
        // Owner only (created 0600, its -wal and -shm alike): the file holds who may log in, who
        // read which child, and the audit key.
        pool = try ServiceDatabase.open(path: path, migrator: AccessSchema.migrator)
        let secret = try pool.read { db in try Data.fetchOne(db.cachedStatement(sql: "SELECT value FROM secret WHERE name = 'audit'")) }
        guard let secret else { throw ServiceError(.internal, "\(path) has no audit secret") }
        auditSecret = SymmetricKey(data: secret)
        auditLines = GroupCommit(writer: pool, largestRound: 1_000)
    }

    /// The store in a data directory.
    public convenience init(dataDirectory: String) throws {
        try self.init(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("gateway.sqlite").path)
    }

    // MARK: Users

    /// Adds a user and returns the account with its token, which is shown this once.
    public func add(_ user: NewUser) throws -> IssuedToken {
        let token = BearerToken.generate()
        let now = Timestamp.now()
        let account = UserAccount(name: user.name, role: user.role, township: user.township, school: user.school, createdAt: now, tokenIssuedAt: now, disabledAt: nil)
        try pool.write { db in
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM user WHERE name = ?"), arguments: [user.name]) == nil else {
                throw ServiceError(.userExists, "用户\(user.name)已存在 (user \(user.name) already exists; use rotate-token for a new token)")
            }
            try db.cachedStatement(sql: "INSERT INTO user (name, role, township, school, tokenDigest, createdAt, tokenIssuedAt) VALUES (?, ?, ?, ?, ?, ?, ?)").execute(arguments: [user.name, user.role.rawValue, user.township, user.school, BearerToken.digest(token), now, now])
        }
        return IssuedToken(account: account, token: token)
    }

    public func users() throws -> [UserAccount] {
        try pool.read { db in try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM user ORDER BY name")).map(Self.account) }
    }

    public func user(named name: String) throws -> UserAccount {
        let row = try pool.read { db in try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM user WHERE name = ?"), arguments: [name]) }
        guard let row else { throw Self.noSuchUser(name) }
        return Self.account(row)
    }

    /// Disables a user (their token stops working at once), or enables them again.
    public func setDisabled(_ disabled: Bool, name: String) throws -> UserAccount {
        try pool.write { db in
            try db.cachedStatement(sql: "UPDATE user SET disabledAt = ? WHERE name = ?").execute(arguments: [disabled ? Timestamp.now() : nil, name])
            guard db.changesCount == 1 else { throw Self.noSuchUser(name) }
        }
        return try user(named: name)
    }

    /// Replaces a user's token; the old one stops working at once.
    public func rotateToken(name: String) throws -> IssuedToken {
        let token = BearerToken.generate()
        try pool.write { db in
            try db.cachedStatement(sql: "UPDATE user SET tokenDigest = ?, tokenIssuedAt = ? WHERE name = ?").execute(arguments: [BearerToken.digest(token), Timestamp.now(), name])
            guard db.changesCount == 1 else { throw Self.noSuchUser(name) }
        }
        return IssuedToken(account: try user(named: name), token: token)
    }

    /// The enabled account a token belongs to. A missing, unknown or disabled token is
    /// `auth.invalid` (HTTP 401); which of the three is not said, so tokens cannot be probed.
    public func authenticate(token: String) async throws -> UserAccount {
        guard BearerToken.isWellFormed(token) else { throw Self.invalidToken }
        let digest = BearerToken.digest(token)
        let account = try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM user WHERE tokenDigest = ?"), arguments: [digest]).map(Self.account)
        }
        guard let account, !account.isDisabled else { throw Self.invalidToken }
        return account
    }

    static let invalidToken = ServiceError(.authInvalid, "令牌无效或已停用，请向县级管理员申请 (the token is invalid or disabled; ask a county admin for a new one)")

    static func noSuchUser(_ name: String) -> ServiceError {
        ServiceError(.userNotFound, "没有用户\(name) (no user \(name); see baoxue user list)")
    }

    static func account(_ row: Row) -> UserAccount {
        UserAccount(
            name: row["name"], role: Role(rawValue: row["role"]) ?? .viewer, township: row["township"], school: row["school"],
            createdAt: row["createdAt"], tokenIssuedAt: row["tokenIssuedAt"], disabledAt: row["disabledAt"])
    }

    // MARK: Audit

    /// The subject of an audit line about `student`.
    public func subject(_ student: Student) -> AuditSubject {
        AuditSubject.student(student, secret: auditSecret)
    }

    /// The subject of an audit line about a child known only by the key the caller gave (a
    /// refused or failed read): the key masked, and its reference.
    public func subject(key: String) -> AuditSubject {
        let text = TextNormalization.field(key)
        let label = (try? IDNumber(validating: text))?.masked ?? (try? StudentNumber(validating: text))?.masked ?? "(\(text.count)个字符 \(text.count) characters)"
        return AuditSubject(label: label, references: [AuditSubject.reference(of: text, secret: auditSecret)])
    }

    /// Appends one line to the audit log and returns once it is committed, in one transaction
    /// with the lines of concurrent requests (decision 130).
    public func record(_ actor: Actor, action: String, outcome: String = "ok", subject: AuditSubject? = nil, detail: String? = nil) async throws {
        let references = subject?.references ?? []
        let arguments: StatementArguments = [
            Timestamp.now(), actor.user, actor.role, actor.via, action, outcome, subject?.label, detail,
            subject?.township ?? actor.township, subject?.school ?? actor.school,
            references.first, references.dropFirst().first,
        ]
        try await auditLines.write { db in
            try db.cachedStatement(sql: """
                INSERT INTO audit (at, user, role, via, action, outcome, subject, detail, township, school, subjectRef, subjectRef2)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: arguments)
        }
    }

    /// Audit lines matching `query`, newest first.
    public func audit(_ query: AuditQuery) async throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let student = query.student {
            let reference = AuditSubject.reference(of: student, secret: auditSecret)
            conditions.append("(subjectRef = ? OR subjectRef2 = ?)")
            arguments += [reference, reference]
        }
        if let user = query.user { conditions.append("user = ?"); arguments += [user] }
        if let action = query.action { conditions.append("action = ?"); arguments += [action] }
        if let since = query.since { conditions.append("at >= ?"); arguments += [try Self.instant(since)] }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [query.limit]
        let sql = "SELECT id, at, user, role, via, action, outcome, subject, detail, township, school FROM audit \(filter) ORDER BY id DESC LIMIT ?"
        let bound = arguments
        return try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map { row in
                AuditEntry(id: row["id"], at: row["at"], user: row["user"], role: row["role"], via: row["via"], action: row["action"], outcome: row["outcome"], subject: row["subject"], detail: row["detail"], township: row["township"], school: row["school"])
            }
        }
    }

    /// `since` as an instant: a date is the start of that day in the county (UTC+8).
    static func instant(_ since: String) throws -> String {
        let text = TextNormalization.field(since)
        if let date = CivilDate(parsing: text) {
            return Timestamp.iso8601(milliseconds: (Int64(date.dayNumber) * 86_400 - 8 * 3_600) * 1_000)
        }
        let shape = text.utf8.count >= 20 && text.utf8.count <= 30 && text.hasSuffix("Z") && text.dropLast().allSatisfy { $0.isASCII && ($0.isNumber || "-:T.".contains($0)) }
        guard shape, CivilDate(parsing: String(text.prefix(10))) != nil else {
            throw ServiceError(.auditBadSince, "since应为日期YYYY-MM-DD或UTC时刻 (since must be a date YYYY-MM-DD or a UTC instant like 2026-11-29T08:00:00Z)", problems: [FieldProblem(field: "since", reason: "YYYY-MM-DD")])
        }
        return text
    }
}
