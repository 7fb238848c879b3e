import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// 送教上门 for a child who never dropped out, across the real processes (decision 105): the
/// school starts it over HTTP, logs sessions from the CLI, sees the lessons against the quota;
/// no case opens; another township sees nothing; ending it keeps the record.
@Suite struct HomeTeachingEndToEndTests {
    @Test func aSchoolTeachesAnEnrolledChildAtHomeWithNoCase() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(MonitorEndToEndTests.csv.utf8), actor: .localOperator())
        let id = RosterFixtures.idNumber(sequence: 2)
        let school = http.with(token: try operations.accessStore.add(NewUserFixture.school()).token)
        let other = http.with(token: try operations.accessStore.add(NewUserFixture.otherTownship()).token)
        try #require(await eventually { try await school.get("/api/v1/students?limit=10").status == 200 })
        try #require(await eventually {
            try await school.post("/api/v1/teaching", body: Data(#"{"student":"\#(id)","teacher":"李老师","reason":"重度脑瘫，不能到校"}"#.utf8)).status == 201
        }, "the monitor knows the child and starts the placement")
        let again = try await school.post("/api/v1/teaching", body: Data(#"{"student":"\#(id)","teacher":"李老师","reason":"重度脑瘫"}"#.utf8))
        #expect(again.status == 409 && again.text.contains("teaching.exists"))
        #expect(try await other.post("/api/v1/teaching/sessions", body: Data(#"{"student":"\#(id)","lessons":2}"#.utf8)).status == 403)

        let logged = try await runProduct("baoxue", ["teaching", "log", id, "--lessons", "3", "--json"] + cluster.gatewayFlags)
        #expect(logged.status == 0, "\(logged.stderr)")
        let placement = try JSONSerialization.jsonObject(with: Data(logged.stdout.utf8)) as? [String: Any]
        #expect(placement?["lessonsThisYear"] as? Int == 3 && placement?["lessonsPerYear"] as? Int == 216)

        let listed = try await school.get("/api/v1/teaching").json(array: true)
        #expect(listed.count == 1 && listed.first?["teacher"] as? String == "李老师")
        #expect(!(try await school.get("/api/v1/teaching").text).contains(id), "lists never carry the full ID number")
        #expect(try await other.get("/api/v1/teaching").json(array: true).isEmpty, "another township sees nothing")
        #expect(try await school.get("/api/v1/cases").json(array: true).isEmpty, "no case: the child never dropped out")
        let table = try await runProduct("baoxue", ["teaching", "list"] + cluster.gatewayFlags)
        #expect(table.stdout.contains("3 / ") && table.stdout.contains("送教1名学生，本学年3节"), "\(table.stdout)")

        let ended = try await school.post("/api/v1/teaching/end", body: Data(#"{"student":"\#(id)","reason":"康复后随班就读"}"#.utf8))
        #expect(ended.status == 200)
        #expect(try await school.get("/api/v1/teaching").json(array: true).isEmpty)
        #expect(try await school.get("/api/v1/teaching?ended=true").json(array: true).count == 1)
        let late = try await school.post("/api/v1/teaching/sessions", body: Data(#"{"student":"\#(id)","lessons":2}"#.utf8))
        #expect(late.status == 404 && late.text.contains("teaching.notFound"))
    }
}
