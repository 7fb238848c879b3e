import Access
import BaoxueContracts
import Foundation
import Hummingbird

#if canImport(Glibc)
    import Glibc
#endif

/// Where an uploaded file goes as it arrives: an owner-only file in the gateway's data directory
/// (`uploads/`), written a network buffer at a time and counted against the route's limit as it
/// comes (a body with no declared length is stopped at the limit, not after it), then mapped
/// into memory and unlinked. The import reads the mapped pages (``CSVSegments``), which the
/// kernel can drop and read back at will: a 500 MB roster costs the gateway the rows in flight,
/// not 500 MB of heap. A file left by a crash is removed when the gateway next starts.
struct UploadSpool: Sendable {
    let directory: String

    /// The spool beside the gateway's own database; the system's temporary directory when that
    /// database is in memory (tests).
    init(_ operations: Operations) {
        let store = operations.accessStore.path
        directory = store.hasPrefix("/") ? URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("uploads").path : NSTemporaryDirectory() + "baoxue-uploads"
    }

    init(directory: String) {
        self.directory = directory
    }

    /// Receives `body` into a spool file and answers its bytes, mapped.
    /// - Throws: `tooLarge` once more than `limit` bytes have come.
    func receive(_ body: RequestBody, limit: Int, tooLarge: ServiceError) async throws -> Data {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = "\(directory)/upload-\(UUID().uuidString)"
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ServiceError(.internal, "上传暂存文件无法创建 (cannot create the upload spool file in \(directory)): errno \(errno)") }
        defer { unlink(path) }
        var received = 0
        do {
            defer { close(descriptor) }
            for try await buffer in body {
                received += buffer.readableBytes
                if received > limit { throw tooLarge }
                try buffer.withUnsafeReadableBytes { raw in try Self.write(raw, to: descriptor) }
            }
        }
        guard received > 0 else { return Data() }
        // Mapped, then unlinked (the defer): the pages stay readable until the Data goes.
        return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ServiceError(.internal, "上传暂存文件写入失败 (writing the upload spool file failed): errno \(errno)")
            }
            offset += written
        }
    }

    /// Removes what a gateway that stopped mid-upload left behind.
    func clear() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix("upload-") {
            unlink("\(directory)/\(name)")
        }
    }
}
