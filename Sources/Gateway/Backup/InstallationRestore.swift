import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB

/// `baoxue restore --from DIR`: puts a backup (``InstallationBackup``) back into a data directory.
///
/// Refuses a backup whose manifest is missing, of an unknown format, names a file that is not one
/// of an installation's, or whose files differ from it in size or SHA-256: a damaged or edited
/// backup is never half restored. Refuses, too, while anything runs on the data directory: it
/// takes every lock there (``DataDirectoryLock``: `up`, the gateway, each service) and holds them
/// until it is done, so nothing starts meanwhile either. Each database is written back with
/// SQLite's backup API into the existing file, so a `-wal` left by a killed service is taken into
/// account rather than replayed over the restored pages; keys and tokens are replaced whole.
/// Everything restored is 0600.
public enum InstallationRestore {
    /// The backup in `directory`, checked against its manifest.
    /// - Throws: `backup.manifestInvalid`, `backup.checksumMismatch`.
    public static func verify(_ directory: String) throws(ServiceError) -> BackupManifest {
        let manifestPath = URL(fileURLWithPath: directory).appendingPathComponent(BackupManifest.fileName).path
        guard let data = FileManager.default.contents(atPath: manifestPath), let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data) else {
            throw ServiceError(.backupManifestInvalid, Bilingual(
                zh: "\(directory) 中没有可读的备份清单 \(BackupManifest.fileName)：不是 baoxue backup 写的目录，或备份没有完成",
                en: "\(directory) holds no readable backup manifest \(BackupManifest.fileName): not a directory baoxue backup wrote, or the backup did not finish"
            ).text)
        }
        guard manifest.format == BackupManifest.currentFormat else {
            throw ServiceError(.backupManifestInvalid, Bilingual(
                zh: "备份清单的格式为 \(manifest.format)，本版本只能恢复格式 \(BackupManifest.currentFormat)（备份来自保学 \(manifest.baoxueVersion)）",
                en: "the backup manifest has format \(manifest.format); this version restores format \(BackupManifest.currentFormat) only (the backup is from Baoxue \(manifest.baoxueVersion))"
            ).text)
        }
        let known = Set(InstallationBackup.databases + InstallationBackup.otherFiles.map(\.path))
        for entry in manifest.files {
            // Only an installation's own files, by their own names: a manifest cannot make a
            // restore write anywhere else.
            guard known.contains(entry.path) else {
                throw ServiceError(.backupManifestInvalid, Bilingual(
                    zh: "备份清单列出了不属于保学的文件 \(entry.path)，拒绝恢复", en: "the backup manifest lists \(entry.path), which is not a Baoxue file; refusing to restore"
                ).text)
            }
            let file = URL(fileURLWithPath: directory).appendingPathComponent(entry.path).path
            let found = FileDigest(path: file)
            guard let found, found == FileDigest(bytes: entry.bytes, sha256: entry.sha256) else {
                let what = found.map { "\($0.bytes) bytes, sha256 \($0.sha256.prefix(12))…" } ?? "missing"
                throw ServiceError(.backupChecksumMismatch, Bilingual(
                    zh: "备份中的 \(entry.path) 与清单不符（清单：\(entry.bytes) 字节，sha256 \(entry.sha256.prefix(12))…；实际：\(what)）：备份已损坏或被改动，拒绝恢复",
                    en: "\(entry.path) in the backup does not match its manifest (manifest: \(entry.bytes) bytes, sha256 \(entry.sha256.prefix(12))…; found: \(what)): the backup is damaged or was changed; refusing to restore"
                ).text)
            }
        }
        return manifest
    }

    /// Restores the backup in `directory` into `dataDirectory` (created 0700 if missing).
    /// - Throws: what ``verify(_:)`` throws; `installation.running` naming the program and pid
    ///   that runs on the data directory; SQLite and file errors.
    @discardableResult
    public static func restore(from directory: String, into dataDirectory: String) throws -> BackupManifest {
        let manifest = try verify(directory)
        try PrivateFiles.prepare(directory: dataDirectory, logger: nil)
        let locks = try DataDirectoryLock.Holder.all.map { try DataDirectoryLock(directory: dataDirectory, holder: $0) }
        defer { withExtendedLifetime(locks) {} }
        let source = URL(fileURLWithPath: directory), target = URL(fileURLWithPath: dataDirectory)
        for entry in manifest.files {
            let from = source.appendingPathComponent(entry.path).path, to = target.appendingPathComponent(entry.path).path
            switch entry.kind {
            case .database:
                try restoreDatabase(from: from, to: to)
            case .keys, .tokens:
                guard let contents = FileManager.default.contents(atPath: from) else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: from]) }
                try PrivateFiles.write(contents, to: to)
            }
        }
        return manifest
    }

    /// Writes a backed-up database over `destination` page by page with SQLite's backup API,
    /// through the destination's own journal, so its mode (WAL) and any `-wal` are respected.
    static func restoreDatabase(from source: String, to destination: String) throws {
        PrivateFiles.createOwnerOnly(destination)
        var readOnly = GRDB.Configuration()
        readOnly.readonly = true
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(10)
        let from = try DatabaseQueue(path: source, configuration: readOnly)
        let to = try DatabaseQueue(path: destination, configuration: configuration)
        try from.backup(to: to)
        // A publisher put back starts a new history (decision 127): its subscribers, restored
        // with it or not, go back to where it now ends instead of skipping its next events.
        try to.write { db in
            if try db.tableExists("outbox") { try Outbox.startNewHistory(db) }
        }
        try from.close()
        try to.close()
    }
}
