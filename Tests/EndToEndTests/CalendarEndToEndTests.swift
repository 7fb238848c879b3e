import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Gateway
import Access
import Testing

/// The school calendar through the real processes: set from the CLI by the county, read over
/// HTTP by anyone, refused to township staff.
@Suite(.serialized) struct CalendarEndToEndTests {
    @Test func theCountySetsTheCalendarAndEveryoneReadsIt() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        let term = try await runProduct("baoxue", ["calendar", "term", "2026秋", "--from", "2026-09-01", "--to", "2027-01-22"] + cluster.gatewayFlags)
        #expect(term.status == 0, "\(term.stderr)")
        let holidays = try await runProduct("baoxue", ["calendar", "holiday", "2026-10-01..2026-10-07", "--note", "国庆节", "--lang", "en"] + cluster.gatewayFlags)
        #expect(holidays.status == 0 && holidays.stdout.contains("2026-10-01..2026-10-07"), "\(holidays.stdout)\(holidays.stderr)")
        let overlap = try await runProduct("baoxue", ["calendar", "term", "2027春", "--from", "2027-01-10", "--to", "2027-07-09"] + cluster.gatewayFlags)
        #expect(overlap.status == 1 && overlap.stderr.contains("重叠"))

        let read = try await http.get("/api/v1/calendar")
        #expect(read.status == 200)
        #expect((try read.json()["terms"] as? [[String: Any]])?.first?["name"] as? String == "2026秋")
        #expect((try read.json()["days"] as? [Any])?.count == 7)

        let township = http.with(token: try cluster.operations.accessStore.add(NewUser(name: "wang", role: .townshipStaff, township: RosterFixtures.township)).token)
        #expect(try await township.get("/api/v1/calendar").status == 200)
        let refused = try await township.send("PUT", "/api/v1/calendar/terms/2027春", body: Data(#"{"startsOn": "2027-02-23", "endsOn": "2027-07-09"}"#.utf8))
        #expect(refused.status == 403)
        await cluster.stop()
    }
}
