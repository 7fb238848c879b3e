import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

/// Users, tokens and the audit log from the CLI, against a real registry and a real
/// `baoxue serve`, as a county admin would use them.
@Suite struct AccessCLITests {
    @Test func aCountyAdminManagesUsersAndTheirTokensWorkAtOnceOverHTTPAndCLI() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let csv = ([RosterFixtures.studentsHeader] + (1...3).map { RosterFixtures.studentRow($0) } + (4...5).map { RosterFixtures.studentRow($0, school: RosterFixtures.otherSchool) }).joined(separator: "\n")
        _ = try await cluster.operations.registry.importStudents(Data(csv.utf8), actor: .localOperator())
        let own = RosterFixtures.idNumber(sequence: 1), other = RosterFixtures.idNumber(sequence: 4)

        // The local operator adds users; each token is printed once (and only as JSON with --json).
        let added = try await runProduct("baoxue", ["user", "add", "--name", "wang", "--role", "township-staff", "--township", RosterFixtures.township, "--json"] + cluster.gatewayFlags)
        #expect(added.status == 0, "\(added.stderr)")
        let token = try #require((try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["token"] as? String)
        let viewer = try await runProduct("baoxue", ["user", "add", "--name", "zhao", "--role", "viewer"] + cluster.gatewayFlags)
        #expect(viewer.stdout.contains("只显示这一次"))
        let viewerToken = try #require(viewer.stdout.split(separator: "\n").last.map(String.init))
        let bad = try await runProduct("baoxue", ["user", "add", "--name", "li", "--role", "school-staff", "--lang", "en"] + cluster.gatewayFlags)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("10-digit school code"))

        // The township user's token works over HTTP and with --token, with their scope.
        let wang = http.with(token: token)
        #expect(try await wang.get("/api/v1/students").json()["total"] as? Int == 3)
        let cliList = try await runProduct("baoxue", ["student", "list", "--json", "--token", token] + cluster.gatewayFlags)
        #expect(try (JSONSerialization.jsonObject(with: Data(cliList.stdout.utf8)) as? [String: Any])?["total"] as? Int == 3)
        let outOfScope = try await runProduct("baoxue", ["student", "show", other, "--token", token] + cluster.gatewayFlags)
        #expect(outOfScope.status == 1)
        #expect(outOfScope.stderr.contains("无权"))
        let cannotAdd = try await runProduct("baoxue", ["user", "add", "--name", "x", "--role", "viewer", "--token", token] + cluster.gatewayFlags)
        #expect(cannotAdd.status == 1)

        // A viewer sees a single record masked, on the CLI too.
        let masked = try await runProduct("baoxue", ["student", "show", own, "--token", viewerToken] + cluster.gatewayFlags)
        #expect(masked.status == 0, "\(masked.stderr)")
        #expect(!masked.stdout.contains(own))
        #expect(masked.stdout.contains("********"))
        let full = try await runProduct("baoxue", ["student", "show", own] + cluster.gatewayFlags)
        #expect(full.stdout.contains(own))

        // Disabled: refused on the very next request, HTTP and CLI; enabled and rotated likewise.
        #expect(try await runProduct("baoxue", ["user", "disable", "wang"] + cluster.gatewayFlags).status == 0)
        #expect(try await wang.get("/api/v1/students").status == 401)
        let refused = try await runProduct("baoxue", ["student", "list", "--token", token] + cluster.gatewayFlags)
        #expect(refused.status == 1)
        #expect(try await runProduct("baoxue", ["user", "enable", "wang"] + cluster.gatewayFlags).status == 0)
        #expect(try await wang.get("/api/v1/students").status == 200)
        let rotated = try await runProduct("baoxue", ["user", "rotate-token", "wang", "--json"] + cluster.gatewayFlags)
        let newToken = try #require((try JSONSerialization.jsonObject(with: Data(rotated.stdout.utf8)) as? [String: Any])?["token"] as? String)
        #expect(try await wang.get("/api/v1/students").status == 401)
        #expect(try await http.with(token: newToken).get("/api/v1/students").status == 200)
        let list = try await runProduct("baoxue", ["user", "list", "--lang", "en"] + cluster.gatewayFlags)
        #expect(list.stdout.contains("wang") && list.stdout.contains("township-staff") && !list.stdout.contains(newToken))

        // The audit log has the reads (allowed and refused) and the user changes, without numbers.
        let audit = try await runProduct("baoxue", ["audit", "list", "--json"] + cluster.gatewayFlags)
        #expect(audit.status == 0, "\(audit.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
        let actions = Set(entries.map { "\($0["user"] ?? "") \($0["action"] ?? "") \($0["outcome"] ?? "")" })
        #expect(actions.isSuperset(of: ["operator user.add ok", "wang student.read scope.forbidden", "zhao student.read ok", "operator user.disable ok", "operator user.rotateToken ok"]), "\(actions)")
        #expect(entries.contains { $0["via"] as? String == "cli" })
        #expect(!audit.stdout.contains(own) && !audit.stdout.contains(other) && !audit.stdout.contains(token))
        let byChild = try await runProduct("baoxue", ["audit", "list", "--student", own, "--json"] + cluster.gatewayFlags)
        let childEntries = try #require(try JSONSerialization.jsonObject(with: Data(byChild.stdout.utf8)) as? [[String: Any]])
        #expect(childEntries.count == 2)
        let notAdmin = try await runProduct("baoxue", ["audit", "list", "--token", viewerToken] + cluster.gatewayFlags)
        #expect(notAdmin.status == 1)
        await cluster.stop()
    }
}
