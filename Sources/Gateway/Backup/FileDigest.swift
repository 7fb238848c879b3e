import Crypto
import Foundation

/// A file's size and SHA-256, read in 1 MiB pieces, so a county's database is never held in
/// memory whole.
struct FileDigest: Equatable, Sendable {
    var bytes: Int
    /// Lowercase hex.
    var sha256: String

    init(bytes: Int, sha256: String) {
        self.bytes = bytes
        self.sha256 = sha256
    }

    /// - Returns: nil when the file cannot be read (missing, a directory).
    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                bytes += chunk.count
            }
        } catch {
            return nil
        }
        let hex = Array("0123456789abcdef")
        self.bytes = bytes
        sha256 = String(hasher.finalize().flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0f)]] })
    }
}
