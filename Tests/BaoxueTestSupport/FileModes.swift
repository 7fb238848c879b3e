#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The permission bits of everything under a directory, for tests of the owner-only promise.
public enum FileModes {
    /// Every entry under `directory` (itself included), by path relative to it (`.` for itself),
    /// with its permission bits and whether it is a directory.
    public static func all(under directory: String) -> [(path: String, mode: Int, isDirectory: Bool)] {
        var entries: [(String, Int, Bool)] = []
        func visit(_ relative: String) {
            let path = relative == "." ? directory : directory + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { return }
            let isDirectory = info.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR)
            entries.append((relative, Int(info.st_mode & 0o7777), isDirectory))
            guard isDirectory else { return }
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                visit(relative == "." ? name : relative + "/" + name)
            }
        }
        visit(".")
        return entries
    }

    /// The entries under `directory` that are not owner-only (directories 0700, files 0600), as
    /// `path 0644` lines; empty when all are.
    public static func notOwnerOnly(under directory: String) -> [String] {
        all(under: directory).filter { $0.mode != ($0.isDirectory ? 0o700 : 0o600) }.map { "\($0.path) 0\(String($0.mode, radix: 8))" }
    }
}
