import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// "Unavailable" means "not applied": a write sent while the registry is frozen (SIGSTOP) is
/// answered 503 at its deadline, is not applied when the registry wakes, is audited `unknown`
/// with the key that settles it, and the same request sent again with the same `Idempotency-Key`
/// (or the same `--request-id`) is applied once, however often it is sent.
@Suite(.serialized) struct DeadlineEndToEndTests {
    static func status(_ http: HTTPTestClient, _ id: String) async throws -> String? {
        let reply = try await http.get("/api/v1/students/\(id)")
        return (try reply.json()["student"] as? [String: Any])?["status"] as? String
    }

    static func changeCount(_ http: HTTPTestClient, _ id: String) async throws -> Int {
        let reply = try await http.get("/api/v1/students/\(id)")
        return (try reply.json()["changes"] as? [Any])?.count ?? -1
    }

    @Test func aWriteAnsweredUnavailableIsNeverAppliedLater() async throws {
        let cluster = try await Cluster(withGateway: true)
        var http = try #require(cluster.http)
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await cluster.operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...3).utf8), actor: .localOperator())
        let id = RosterFixtures.idNumber(sequence: 1)
        #expect(try await Self.status(http, id) == "enrolled")
        let changesBefore = try await Self.changeCount(http, id)
        let suspend = Data(#"{"kind":"suspend","documents":["休学申请"]}"#.utf8)

        // Frozen registry: the request waits in its socket past the deadline, then 503.
        cluster.registry.signal(SIGSTOP)
        http.headers = ["Idempotency-Key": "suspend-child-1"]
        let started = ContinuousClock.now
        let frozen = try await http.post("/api/v1/students/\(id)/changes", body: suspend)
        cluster.registry.signal(SIGCONT)
        #expect(frozen.status == 503, "\(frozen.text)")
        #expect((try frozen.json()["error"] as? [String: Any])?["code"] as? String == "service.unavailable")
        #expect(frozen.text.contains("suspend-child-1"), "the answer names the key that settles it: \(frozen.text)")
        #expect(frozen.headers["idempotency-key"] == "suspend-child-1")
        #expect(ContinuousClock.now - started < .seconds(30))

        // Awake, the registry reads the stale request and drops it: nothing changes.
        try await Task.sleep(for: .seconds(2))
        http.headers = [:]
        #expect(try await Self.status(http, id) == "enrolled")
        #expect(try await Self.changeCount(http, id) == changesBefore)
        let unknown = try await cluster.operations.accessStore.audit(AuditQuery(action: "student.change"))
        #expect(unknown.contains { $0.outcome == "unknown" && ($0.detail ?? "").contains("suspend-child-1") }, "\(unknown.map { "\($0.outcome) \($0.detail ?? "")" })")

        // The same request with the same key: applied now, once; sent again, the first answer.
        http.headers = ["Idempotency-Key": "suspend-child-1"]
        let applied = try await http.post("/api/v1/students/\(id)/changes", body: suspend)
        #expect(applied.status == 201, "\(applied.text)")
        let again = try await http.post("/api/v1/students/\(id)/changes", body: suspend)
        #expect(again.status == 201, "\(again.text)")
        let firstChange = (try applied.json()["change"] as? [String: Any])?["id"] as? Int
        let secondChange = (try again.json()["change"] as? [String: Any])?["id"] as? Int
        #expect(firstChange != nil && firstChange == secondChange)
        http.headers = [:]
        #expect(try await Self.status(http, id) == "suspended")
        #expect(try await Self.changeCount(http, id) == changesBefore + 1)

        // The key on another request: refused, never another request's answer.
        http.headers = ["Idempotency-Key": "suspend-child-1"]
        let otherChild = try await http.post("/api/v1/students/\(RosterFixtures.idNumber(sequence: 2))/changes", body: suspend)
        #expect(otherChild.status == 400 && otherChild.text.contains("request.idempotencyKeyReused"), "\(otherChild.text)")
        let otherBody = try await http.post("/api/v1/students/\(id)/changes", body: Data(#"{"kind":"resume"}"#.utf8))
        #expect(otherBody.status == 400 && otherBody.text.contains("request.idReused"), "\(otherBody.text)")
        http.headers = ["Idempotency-Key": "has space"]
        #expect(try await http.post("/api/v1/students/\(id)/changes", body: suspend).status == 400)

        // The CLI: frozen, it exits 3 naming --request-id; run again with it, applied once.
        let second = RosterFixtures.idNumber(sequence: 3)
        cluster.registry.signal(SIGSTOP)
        let cliFrozen = try await runProduct("baoxue", ["student", "change", second, "--kind", "suspend", "--documents", "休学申请"] + cluster.gatewayFlags)
        cluster.registry.signal(SIGCONT)
        #expect(cliFrozen.status == 3, "\(cliFrozen.stderr)")
        let requestKey = try #require(cliFrozen.stderr.firstMatch(of: /--request-id (\S+)/)?.1, "\(cliFrozen.stderr)")
        try await Task.sleep(for: .seconds(2))
        http.headers = [:]
        #expect(try await Self.status(http, second) == "enrolled")
        for _ in 0..<2 {
            let rerun = try await runProduct("baoxue", ["student", "change", second, "--kind", "suspend", "--documents", "休学申请", "--request-id", String(requestKey)] + cluster.gatewayFlags)
            #expect(rerun.status == 0, "\(rerun.stderr)")
        }
        #expect(try await Self.status(http, second) == "suspended")
        #expect(try await Self.changeCount(http, second) == changesBefore + 1)
        await cluster.stop()
    }
}
