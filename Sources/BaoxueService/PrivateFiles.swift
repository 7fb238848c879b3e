#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging

/// Keeps a data directory private to the user who runs Baoxue: the directory 0700 and every file
/// in it 0600 (SQLite files and their `-wal` and `-shm`, logs, keys, tokens, locks).
///
/// The files hold minors' ID numbers, disabilities, guardians' phones, the audit key and the
/// CurveZMQ secret keys. A `chmod` after the fact is not enough: SQLite creates `-wal` and `-shm`
/// with the main file's mode at the moment it opens them, and another local user can open a file
/// in the instant it is readable and keep the descriptor. So every executable restricts its file
/// creation mask before it opens anything (``restrictNewFiles()``, from ``ProcessStartup``), the
/// data directory is made owner-only (``prepare(directory:logger:)``), and a database file is
/// created 0600 before SQLite opens it (``createOwnerOnly(_:)``), so its `-wal` and `-shm` follow
/// even in a process that did not set the mask (a test, a library user).
public enum PrivateFiles {
    /// Group and other permission bits: none may be set on anything in a data directory.
    static let shared: mode_t = 0o077

    /// Sets the process's file creation mask to 077: every file, directory and socket this process
    /// creates from now on is its owner's alone, whatever opens it (SQLite, Foundation, swift-log).
    /// Call it first thing at start-up.
    public static func restrictNewFiles() {
        umask(shared)
    }

    /// Makes `directory` (a data directory) owner-only: creates it 0700, or tightens an existing
    /// one this user owns, and tightens the Baoxue files in it (``isBaoxueFile(_:)``) left readable
    /// by an older version, saying so in the log. A directory owned by someone else is left alone
    /// with a warning: it is not this process's to change.
    /// - Throws: when the directory cannot be created.
    public static func prepare(directory: String, logger: Logger?) throws {
        var info = stat()
        if stat(directory, &info) != 0 {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // Intermediate directories got the mask's mode; the data directory itself is 0700
            // even where the mask was looser.
            chmod(directory, 0o700)
            return
        }
        guard info.st_uid == geteuid() else {
            if info.st_mode & shared != 0 {
                logger?.warning("data directory is readable by others and owned by another user; leaving it as it is", metadata: [
                    "directory": "\(directory)", "mode": "\(octal(info.st_mode))", "owner": "\(info.st_uid)",
                ])
            }
            return
        }
        var tightened: [String] = []
        if tighten(directory, info.st_mode) { tightened.append("\(directory) (\(octal(info.st_mode)))") }
        tightened += tightenContents(of: directory)
        if !tightened.isEmpty {
            logger?.notice("made the data directory owner-only; it was readable by other users", metadata: [
                "directory": "\(directory)", "tightened": "\(tightened.joined(separator: ", "))",
            ])
        }
    }

    /// Creates an empty file with mode 0600 at `path` unless something is there already, so that
    /// SQLite, which gives `-wal` and `-shm` the database file's mode, makes them 0600 too.
    public static func createOwnerOnly(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether `name`, an entry of a data directory, is one of Baoxue's: its databases and their
    /// journals, the `logs` and `keys` directories, token and key files, locks. Only those are
    /// tightened, so a data directory pointed at a folder holding other things changes nothing
    /// else.
    static func isBaoxueFile(_ name: String) -> Bool {
        name == "logs" || name == "keys"
            || [".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".env", ".lock", ".log"].contains { name.hasSuffix($0) }
    }

    /// Tightens the Baoxue files directly in `directory`, and everything in its `logs` and `keys`.
    private static func tightenContents(of directory: String) -> [String] {
        var tightened: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names.sorted() where isBaoxueFile(name) {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_uid == geteuid() else { continue }
            let isDirectory = info.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR)
            if tighten(path, info.st_mode) { tightened.append("\(name) (\(octal(info.st_mode)))") }
            if isDirectory {
                for inner in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                    let innerPath = path + "/" + inner
                    guard lstat(innerPath, &info) == 0, info.st_uid == geteuid(), info.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) else { continue }
                    if tighten(innerPath, info.st_mode) { tightened.append("\(name)/\(inner) (\(octal(info.st_mode)))") }
                }
            }
        }
        return tightened
    }

    /// Drops the group and other bits, keeping the owner's; whether anything changed.
    private static func tighten(_ path: String, _ current: mode_t) -> Bool {
        guard current & shared != 0 else { return false }
        return chmod(path, current & 0o700) == 0
    }

    static func octal(_ mode: mode_t) -> String { "0" + String(mode & 0o7777, radix: 8) }

    /// Writes `contents` to `path` through a temporary file renamed into place, 0600 from the
    /// start, its directory 0700: a reader sees the old file or the new one, never half.
    public static func write(_ contents: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: contents, attributes: [.posixPermissions: 0o600]),
            rename(temporary, path) == 0
        else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
