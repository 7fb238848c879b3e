import BaoxueContracts
import BaoxueService
import Foundation
import GRDB

/// `baoxue backup --to DIR`: a consistent copy of an installation's data directory while it runs.
///
/// Each database is copied with SQLite's online backup (`sqlite3_backup_*`, through GRDB) in one
/// step under one read transaction, so each copy is that database at one instant, whatever the
/// services write meanwhile (WAL lets them). The databases are copied followers first: the
/// gateway's alert feed, then care, the monitor, subsidy and the registry last
/// (``databases``). A follower's copy therefore never holds an event its publisher's copy lacks:
/// after a restore every subscriber is at or behind its publisher and catches up by replay, as
/// after any restart. The keys and the demo tokens are copied as files. Every copy is 0600 in a
/// 0700 directory, and `manifest.json` (``BackupManifest``), written last, lists them with their
/// sizes and SHA-256: a backup without one is incomplete.
public enum InstallationBackup {
    /// The databases of an installation in copy order: every follower before the services it
    /// follows (``ServiceName/follows``), the gateway's alert feed (`delivery.sqlite`, which
    /// follows every alerting service) first, and the users and audit log (`gateway.sqlite`,
    /// which follows nothing) last.
    public static var databases: [String] {
        var order: [ServiceName] = []
        var remaining = ServiceName.deployed
        while let next = remaining.first(where: { service in !remaining.contains { $0.follows.contains(service) } }) {
            order.append(next)
            remaining.removeAll { $0 == next }
        }
        return ["delivery.sqlite"] + order.map { "\($0).sqlite" } + ["gateway.sqlite"]
    }

    /// The other files a backup holds besides the databases, with their kinds.
    static let otherFiles: [(path: String, kind: BackupManifest.Kind)] = [("keys/curve.env", .keys), ("demo-tokens.env", .tokens)]

    /// Copies the installation in `dataDirectory` to `target` (created 0700) and writes its manifest.
    /// - Throws: `backup.noData` when `dataDirectory` holds no Baoxue database; `backup.exists`
    ///   when `target` holds a backup already; SQLite and file errors.
    public static func take(dataDirectory: String, to target: String) throws -> BackupManifest {
        let source = URL(fileURLWithPath: dataDirectory), destination = URL(fileURLWithPath: target)
        let present = databases.filter { FileManager.default.fileExists(atPath: source.appendingPathComponent($0).path) }
        guard !present.isEmpty else {
            throw ServiceError(.backupNoData, Bilingual(
                zh: "\(dataDirectory) 中没有保学的数据库（\(databases.joined(separator: "、"))）：请用 --data 指定数据目录",
                en: "\(dataDirectory) holds no Baoxue database (\(databases.joined(separator: ", "))): name the data directory with --data"
            ).text)
        }
        guard !FileManager.default.fileExists(atPath: destination.appendingPathComponent(BackupManifest.fileName).path) else {
            throw ServiceError(.backupExists, Bilingual(
                zh: "\(target) 已有一份备份；请换一个新目录，不会覆盖旧备份", en: "\(target) already holds a backup; name a new directory (an old backup is never overwritten)"
            ).text)
        }
        try PrivateFiles.prepare(directory: target, logger: nil)
        var entries: [BackupManifest.Entry] = []
        var sqliteVersion = ""
        for name in present {
            let copy = destination.appendingPathComponent(name).path
            let (migration, version) = try copyDatabase(from: source.appendingPathComponent(name).path, to: copy)
            sqliteVersion = version
            entries.append(try entry(name, kind: .database, at: copy, migration: migration))
        }
        for (path, kind) in otherFiles {
            guard let contents = FileManager.default.contents(atPath: source.appendingPathComponent(path).path) else { continue }
            let copy = destination.appendingPathComponent(path).path
            try PrivateFiles.write(contents, to: copy)
            entries.append(try entry(path, kind: kind, at: copy, migration: nil))
        }
        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, baoxueVersion: BaoxueVersion.current, sqliteVersion: sqliteVersion, createdAt: Timestamp.now(),
            dataDirectory: source.standardizedFileURL.path, files: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try PrivateFiles.write(try encoder.encode(manifest), to: destination.appendingPathComponent(BackupManifest.fileName).path)
        return manifest
    }

    /// Copies one database with SQLite's online backup, in one step (one consistent snapshot), and
    /// makes the copy a single file (journal mode DELETE, no `-wal` beside it).
    /// - Returns: the copy's last applied migration and the SQLite version.
    static func copyDatabase(from source: String, to destination: String) throws -> (migration: String?, sqlite: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: destination + suffix) }
        PrivateFiles.createOwnerOnly(destination)
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(10)
        let from = try DatabaseQueue(path: source, configuration: configuration)
        let to = try DatabaseQueue(path: destination)
        try from.backup(to: to)
        try from.close()
        try to.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        let found = try to.read { db in
            (try? String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1"), try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "")
        }
        try to.close()
        return (found.0, found.1)
    }

    static func entry(_ path: String, kind: BackupManifest.Kind, at file: String, migration: String?) throws -> BackupManifest.Entry {
        guard let digest = FileDigest(path: file) else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: file]) }
        return BackupManifest.Entry(path: path, kind: kind, bytes: digest.bytes, sha256: digest.sha256, migration: migration)
    }
}
