import Foundation
import GRDB

/// Opens a service's SQLite file: WAL (readers never wait for the writer), `synchronous=NORMAL`
/// (durable across process crashes, which is what a killed service needs), a 64 MiB page cache,
/// a busy timeout, the service's migrations, and checkpoints off the writer (``WALCheckpointer``).
/// A new file gets the page size its service asks for (decision 149); a file that exists keeps
/// the one it was made with.
/// A new file is created 0600 in a 0700 directory before SQLite opens it, and SQLite gives its
/// `-wal` and `-shm` the same mode (``PrivateFiles``).
public enum ServiceDatabase {
    /// SQLite's own default, and what every service but the registry keeps: its writes are small
    /// transactions, and each page they touch goes to the WAL whole.
    public static let defaultPageSize = 4_096

    /// - Parameter checkpointMilliseconds: between two of the checkpointer's ticks
    ///   (``WALCheckpointer/defaultIntervalMilliseconds``; a service's `database.checkpointMilliseconds`).
    /// - Parameter pageSize: for a new file, a power of two from 512 to 65,536 (SQLite's rule).
    /// - Parameter pace: the service's bulk writes, which slow the checkpointer (``CheckpointPace``).
    public static func open(path: String, migrator: DatabaseMigrator, checkpointMilliseconds: Int = WALCheckpointer.defaultIntervalMilliseconds, pageSize: Int = defaultPageSize, pace: CheckpointPace? = nil) throws -> DatabasePool {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        PrivateFiles.createOwnerOnly(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Before anything is written, or it is too late: a file that exists answers with the
            // page size it has, and the WAL's thresholds are counted in those pages.
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            let actualPageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? defaultPageSize
            // 64 MiB of page cache per connection: a county's indexes stay in memory instead of
            // being read back through the kernel on every insert.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = \(WALCheckpointer.safetyThresholdBytes / actualPageSize)")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        try WALCheckpointer.attach(to: pool, path: path, every: .milliseconds(checkpointMilliseconds), pace: pace)
        return pool
    }
}
