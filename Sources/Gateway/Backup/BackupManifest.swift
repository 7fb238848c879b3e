import Foundation

/// `manifest.json` of a backup directory: what was copied, from which version and when, and each
/// file's size and SHA-256, so `baoxue restore` refuses a backup that is incomplete or was
/// changed since.
///
/// ```json
/// {"format": 1, "baoxueVersion": "0.1.0", "sqliteVersion": "3.40.1", "createdAt": "2026-12-05T08:00:00.000Z",
///  "dataDirectory": "/var/lib/baoxue",
///  "files": [{"path": "registry.sqlite", "kind": "database", "bytes": 1048576, "sha256": "…", "migration": "v10-documents-pending"}]}
/// ```
public struct BackupManifest: Codable, Sendable, Equatable {
    /// The layout of this file; a restore refuses one it does not know.
    public static let currentFormat = 1
    public static let fileName = "manifest.json"

    public var format: Int
    /// The Baoxue that took the backup.
    public var baoxueVersion: String
    /// The SQLite that wrote the copies.
    public var sqliteVersion: String
    /// When the copy was taken, UTC with milliseconds.
    public var createdAt: String
    /// The data directory it was taken from.
    public var dataDirectory: String
    /// Every file, in the order they were copied.
    public var files: [Entry]

    /// One file of a backup.
    public struct Entry: Codable, Sendable, Equatable {
        /// Relative to the backup directory and to the data directory alike: `registry.sqlite`,
        /// `keys/curve.env`.
        public var path: String
        /// `database`, `keys` or `tokens`.
        public var kind: Kind
        public var bytes: Int
        /// Lowercase hex.
        public var sha256: String
        /// A database's last applied migration: the schema version it needs.
        public var migration: String?
    }

    public enum Kind: String, Codable, Sendable {
        case database, keys, tokens
    }
}
