import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

/// An upload nobody would accept is never read: a viewer announcing a 400 MB students file is
/// answered 403 before the body is sent, and the gateway's resident memory does not grow by it;
/// an upload over its route's limit is 413 the same way.
@Suite(.serialized) struct UploadBoundsTests {
    /// The gateway's resident set, from /proc.
    static func residentMegabytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return (Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0) / 1_024
    }

    /// Sends only the head of a POST announcing `length` bytes, then whatever the server answers
    /// within a few seconds: what a client on a slow line sees before its upload has gone out.
    static func headOnly(_ address: String, path: String, token: String, length: Int) async throws -> String {
        let parts = address.split(separator: ":")
        let script = """
            import socket, sys
            s = socket.create_connection(("\(parts[0])", \(parts[1])), timeout=10)
            s.sendall(b"POST \(path) HTTP/1.1\\r\\nHost: x\\r\\nAuthorization: Bearer \(token)\\r\\nContent-Type: text/csv\\r\\nContent-Length: \(length)\\r\\n\\r\\n" + b"a" * 1024)
            data = b""
            try:
                while b"\\r\\n\\r\\n" not in data:
                    chunk = s.recv(4096)
                    if not chunk: break
                    data += chunk
            except socket.timeout:
                pass
            sys.stdout.write(data.decode("utf-8", "replace").split("\\r\\n")[0])
            """
        let result = try await runCommand("/usr/bin/env", ["python3", "-c", script], timeout: .seconds(30))
        return result.stdout
    }

    @Test func uploadsAreRefusedBeforeTheirBodyIsRead() async throws {
        let cluster = try await Cluster(withGateway: true)
        let gateway = try #require(cluster.gateway)
        let address = try #require(cluster.http?.base.replacingOccurrences(of: "http://", with: ""))
        let viewer = try cluster.operations.accessStore.add(NewUser(name: "upload-viewer", role: .viewer)).token
        let operatorToken = try #require(cluster.http?.token)
        let before = try Self.residentMegabytes(gateway.pid)

        let refused = try await Self.headOnly(address, path: "/api/v1/students/import", token: viewer, length: 400 << 20)
        #expect(refused.contains("403"), "a viewer is refused before sending 400 MB: \(refused)")
        let tooLarge = try await Self.headOnly(address, path: "/api/v1/schools/import", token: operatorToken, length: 100 << 20)
        #expect(tooLarge.contains("413"), "schools files are limited to 16 MB: \(tooLarge)")

        let after = try Self.residentMegabytes(gateway.pid)
        #expect(after - before < 64, "resident memory grew from \(before) MB to \(after) MB")
        await cluster.stop()
    }
}
