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

    /// The gateway's heap and stack (its resident set without the file pages it maps): what an
    /// upload costs it in memory nothing else can reclaim.
    static func anonymousMegabytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
        return (Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0) / 1_024
    }

    /// `count` distinct valid children (five regions × 28 birth days × 1,000 sequence numbers).
    static func manyStudentsCSV(_ count: Int) -> String {
        var lines = [RosterFixtures.studentsHeader]
        lines.reserveCapacity(count + 1)
        for index in 0..<count {
            let region = "51012\(3 + index / 28_000)", day = 1 + (index / 1_000) % 28, sequence = index % 1_000
            let birth = "201503" + (day < 10 ? "0\(day)" : "\(day)")
            let id = RosterFixtures.idNumber(birth: birth, sequence: sequence, region: region)
            lines.append("学生\(index),\(sequence % 2 == 1 ? "男" : "女"),2015-03-\(birth.suffix(2)),\(id),,\(RosterFixtures.school),5,1班,2021-09,\(RosterFixtures.township)201,走读,否,否,否,非留守,家长\(index),138\(String(100_000_000 + index).suffix(8))")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A roster of 100,000 children is imported over HTTP while the gateway's heap is sampled: it
    /// is received into a spool file and read a segment at a time, so the heap grows by the rows
    /// in flight and the duplicate check's keys (about 60 MB here), where reading the whole table
    /// at once grew it by 130 MB (measured on this machine, docs/performance.md "Uploads").
    @Test func aLargeRosterCostsTheGatewayBoundedMemory() async throws {
        let cluster = try await Cluster(withGateway: true)
        let gateway = try #require(cluster.gateway)
        let http = try #require(cluster.http)
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let file = Data(Self.manyStudentsCSV(100_000).utf8)
        let before = try Self.anonymousMegabytes(gateway.pid)
        let sampling = Task {
            var peak = 0
            while !Task.isCancelled {
                peak = max(peak, (try? Self.anonymousMegabytes(gateway.pid)) ?? 0)
                try? await Task.sleep(for: .milliseconds(20))
            }
            return peak
        }
        let reply = try await http.post("/api/v1/students/import", body: file, contentType: "text/csv", timeout: 600)
        sampling.cancel()
        let peak = await sampling.value
        #expect(reply.status == 200, "\(reply.text.prefix(500))")
        #expect(try reply.json()["rows"] as? Int == 100_000)
        print("upload of \(file.count >> 20) MB: gateway heap \(before) MB before, \(peak) MB at most")
        #expect(peak - before < 100, "a \(file.count >> 20) MB roster grew the gateway's heap from \(before) MB to \(peak) MB")
        await cluster.stop()
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
