import BaoxueContracts
import BaoxueTestSupport
import Delivery
import Foundation
import Testing

@testable import Gateway

/// `GET /api/v1/alerts/deliveries` and `POST …/{id}/resend` by role, in-process: the deliveries
/// live in the gateway's own store, so no service is needed.
@Suite struct DeliveryRoutesTests {
    @Test func deliveriesAreListedByScopeAndResentByCountyRoles() async throws {
        let gateway = try await OfflineGateway()
        var fixture = try DeliveryFixture()
        defer { fixture.remove() }
        _ = try fixture.add("chengguan", url: "http://127.0.0.1:9/hook?key=secret-robot-key", township: RosterFixtures.township)
        _ = try fixture.add("other", url: "http://127.0.0.1:9/other", township: RosterFixtures.otherTownship)
        try await fixture.publish(DeliveryFixture.alert(id: 1))
        try await fixture.publish(DeliveryFixture.alert(id: 2, township: RosterFixtures.otherTownship, school: RosterFixtures.otherSchool))
        // No worker runs: mark the first dead as a worker would after its last attempt.
        try await fixture.hub.feed.database.write { db in try db.execute(sql: "UPDATE delivery SET state = 'dead', attempts = 8, last_error = 'HTTP 500' WHERE seq = 1") }

        try await gateway.test(router: GatewayHTTP.router(operations: gateway.operations, metrics: nil, alerts: fixture.hub)) { operatorClient in
            let all = try await operatorClient.get("/api/v1/alerts/deliveries")
            #expect(all.status == 200)
            #expect(!all.text.contains("secret-robot-key"))
            #expect(all.text.contains("key=***"))
            let list = try #require(try JSONSerialization.jsonObject(with: all.body) as? [[String: Any]])
            #expect(list.count == 2)
            let failed = try #require(try JSONSerialization.jsonObject(with: try await operatorClient.get("/api/v1/alerts/deliveries?failed=true").body) as? [[String: Any]])
            #expect(failed.map { $0["state"] as? String } == ["dead"])
            #expect(try await operatorClient.get("/api/v1/alerts/deliveries?state=flying").status == 400)
            #expect(try await operatorClient.get("/api/v1/alerts/deliveries?failed=maybe").status == 400)

            // A township user sees their township's only, and may not ask for another's or resend.
            let township = operatorClient.with(token: try gateway.token(.townshipStaff, name: "wang"))
            let own = try #require(try JSONSerialization.jsonObject(with: try await township.get("/api/v1/alerts/deliveries").body) as? [[String: Any]])
            #expect(own.map { $0["township"] as? String } == [RosterFixtures.township])
            #expect(try await township.get("/api/v1/alerts/deliveries?township=\(RosterFixtures.otherTownship)").status == 403)
            let id = try #require(failed.first?["id"] as? Int)
            #expect(try await township.post("/api/v1/alerts/deliveries/\(id)/resend", body: Data()).status == 403)
            #expect(try await operatorClient.with(token: try gateway.token(.viewer, name: "zhao")).get("/api/v1/alerts/deliveries").status == 403)

            // County roles resend a dead one; a waiting one, or one that does not exist, is refused.
            let resent = try await operatorClient.post("/api/v1/alerts/deliveries/\(id)/resend", body: Data())
            #expect(resent.status == 200, "\(resent.text)")
            #expect(try resent.json()["state"] as? String == "pending")
            #expect(try await operatorClient.post("/api/v1/alerts/deliveries/\(id)/resend", body: Data()).status == 409)
            #expect(try await operatorClient.post("/api/v1/alerts/deliveries/99999/resend", body: Data()).status == 404)
            #expect(try await operatorClient.get("/api/v1/alerts/deliveries/\(id)/resend").status == 405)
        }
    }

    @Test func withoutTheStoreTheRoutesSayTheServiceIsUnavailable() async throws {
        try await OfflineGateway().test { client in
            let reply = try await client.get("/api/v1/alerts/deliveries")
            #expect(reply.status == 503)
        }
    }
}
