import Foundation
import GRDB

/// Opens a service's SQLite file: WAL (readers never wait for the writer), `synchronous=NORMAL`
/// (durable across process crashes, which is what a killed service needs), a busy timeout, and the
/// service's migrations.
public enum ServiceDatabase {
    public static func open(path: String, migrator: DatabaseMigrator) throws -> DatabasePool {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }
}
