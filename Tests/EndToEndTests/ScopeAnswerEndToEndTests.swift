import Access
import BaoxueContracts
import BaoxueDemo
import BaoxueTestSupport
import Foundation
import Testing

/// One answer for "not in your scope" and "does not exist" (issue 14, item 8; decision 113): on
/// every route that takes an id or a key, over HTTP and from the CLI, township and school staff
/// asking about something of another township get exactly what they get for something that
/// does not exist (status, code and message), so they cannot probe the county for who exists.
@Suite(.serialized) struct ScopeAnswerEndToEndTests {
    /// A route with an id in it, the body a caller would send (nil for a GET), and the id of
    /// something that exists in another township.
    struct Probe {
        var method: String
        var path: String
        var body: String?
        var elsewhere: String
        var missing: String
    }

    @Test func anIDOutOfScopeAnswersAsAMissingOne() async throws {
        // Given: a demo county, staff of its first township and of a school there, and one of
        // each thing with an id in another township.
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        let today = Timestamp.todayInChina()
        let county = DemoCounty.generate(students: 800, seed: 1, today: today)
        let loaded = try await runProduct("baoxue", ["demo", "seed", "--students", "800", "--load"] + cluster.gatewayFlags, timeout: .seconds(600))
        try #require(loaded.status == 0, "\(loaded.stderr)")
        try await cluster.operations.services.waitForMonitorToCatchUp(timeout: .seconds(60))
        try await cluster.operations.services.waitToCatchUp(.care, following: .monitor, timeout: .seconds(60))
        let home = county.townships[0].code
        let school = try #require(county.schools.first { school in school.township == home && county.students.contains { $0.schoolCode == school.code } }).code
        let staff = [
            ("township", try cluster.operations.accessStore.add(NewUser(name: "scope-township", role: .townshipStaff, township: home)).token),
            ("school", try cluster.operations.accessStore.add(NewUser(name: "scope-school", role: .schoolStaff, school: school)).token),
        ]
        // Another township's things, as the county operator sees them.
        func first(_ path: String, _ field: String = "id", where keep: ([String: Any]) -> Bool = { _ in true }) async throws -> String {
            let items = try await http.get(path).json(array: true)
            let item = try #require(items.first { ($0["township"] as? String) != home && keep($0) }, "something outside \(home) at \(path)")
            return try #require(item[field].map { "\($0)" })
        }
        let child = try #require(county.students.first { student in county.schools.first { $0.code == student.schoolCode }?.township != home && student.idNumber != nil })
        let childKey = child.idNumber!.value
        // A well-formed ID number nobody has: the first free sequence of a date in the county.
        let nobody = try #require((1..<1_000).lazy.map { RosterFixtures.idNumber(birth: "20150101", sequence: $0) }.first { id in !county.students.contains { $0.idNumber?.value == id } })
        let alert = try await first("/api/v1/alerts?limit=1000")
        let careAlert = try await first("/api/v1/alerts?limit=1000&service=care")
        let kase = try await first("/api/v1/cases?limit=1000")
        let change = try await first("/api/v1/changes?limit=1000&township=\(county.townships[1].code)")
        let suspect = try await first("/api/v1/crosscheck?limit=1000")
        let wish = try await first("/api/v1/care/wishes?limit=1000&state=posted")
        let payment = try await first("/api/v1/subsidy/payments?term=\(Term(containing: today).code)&limit=1000")
        let missingID = "987654321"
        let probes = [
            Probe(method: "GET", path: "/api/v1/students/%@", elsewhere: childKey, missing: nobody),
            Probe(method: "POST", path: "/api/v1/students/%@/changes", body: #"{"kind": "suspend", "date": "\#(today)", "documents": ["休学申请", "病历证明"], "reason": "疾病"}"#, elsewhere: childKey, missing: nobody),
            Probe(method: "POST", path: "/api/v1/changes/%@/documents", body: #"{"documents": ["转学申请"]}"#, elsewhere: change, missing: missingID),
            Probe(method: "GET", path: "/api/v1/alerts/%@", elsewhere: alert, missing: missingID),
            Probe(method: "GET", path: "/api/v1/alerts/%@?service=care", elsewhere: careAlert, missing: missingID),
            Probe(method: "POST", path: "/api/v1/alerts/%@/ack", body: #"{"note": "已知悉"}"#, elsewhere: alert, missing: missingID),
            Probe(method: "POST", path: "/api/v1/alerts/%@/ack", body: #"{"service": "care"}"#, elsewhere: careAlert, missing: missingID),
            Probe(method: "GET", path: "/api/v1/cases/%@", elsewhere: kase, missing: missingID),
            Probe(method: "POST", path: "/api/v1/cases/%@/assign", body: #"{"townshipOfficial": "王干事"}"#, elsewhere: kase, missing: missingID),
            Probe(method: "POST", path: "/api/v1/cases/%@/plan", body: #"{"measures": ["familyVisit"]}"#, elsewhere: kase, missing: missingID),
            Probe(method: "POST", path: "/api/v1/cases/%@/visits", body: #"{"visitors": ["王干事"], "outcome": "家长同意返校"}"#, elsewhere: kase, missing: missingID),
            Probe(method: "POST", path: "/api/v1/cases/%@/steps", body: #"{"step": "classTeacher"}"#, elsewhere: kase, missing: missingID),
            Probe(method: "POST", path: "/api/v1/cases/%@/teaching", body: #"{"teacher": "李老师", "lessons": 2}"#, elsewhere: kase, missing: missingID),
            Probe(method: "POST", path: "/api/v1/cases/%@/close", body: #"{"outcome": "returned"}"#, elsewhere: kase, missing: missingID),
            Probe(method: "POST", path: "/api/v1/crosscheck/%@/verify", body: #"{"category": "notFound"}"#, elsewhere: suspect, missing: missingID),
            Probe(method: "GET", path: "/api/v1/care/children/%@", elsewhere: childKey, missing: nobody),
            Probe(method: "POST", path: "/api/v1/care/children/%@/contacts", body: #"{"way": "家访"}"#, elsewhere: childKey, missing: nobody),
            Probe(method: "POST", path: "/api/v1/care/children/%@/surrogate", body: #"{"surrogate": 1}"#, elsewhere: childKey, missing: nobody),
            Probe(method: "POST", path: "/api/v1/care/children/%@/surrogate/end", body: #"{"reason": "调离"}"#, elsewhere: childKey, missing: nobody),
            Probe(method: "POST", path: "/api/v1/care/wishes/%@/claim", body: #"{"donor": "爱心人士"}"#, elsewhere: wish, missing: missingID),
            Probe(method: "POST", path: "/api/v1/care/wishes/%@/fulfil", body: #"{}"#, elsewhere: wish, missing: missingID),
            Probe(method: "POST", path: "/api/v1/care/wishes/%@/withdraw", body: #"{"reason": "重复登记"}"#, elsewhere: wish, missing: missingID),
            Probe(method: "GET", path: "/api/v1/subsidy/children/%@", elsewhere: childKey, missing: nobody),
            Probe(method: "POST", path: "/api/v1/subsidy/payments/%@/reissue", body: #"{"note": "已更正银行卡号"}"#, elsewhere: payment, missing: missingID),
        ]

        // When: each probe asks for the other township's thing and for one that does not exist.
        var differing: [String] = []
        for (who, token) in staff {
            let client = http.with(token: token)
            for probe in probes {
                func ask(_ id: String) async throws -> String {
                    let path = probe.path.replacingOccurrences(of: "%@", with: id)
                    let reply = probe.method == "GET" ? try await client.get(path) : try await client.post(path, body: Data((probe.body ?? "{}").utf8))
                    return "\(reply.status) \(reply.text.replacingOccurrences(of: id, with: "ID"))"
                }
                let (elsewhere, missing) = (try await ask(probe.elsewhere), try await ask(probe.missing))
                #expect(!elsewhere.hasPrefix("2"), "\(who) \(probe.method) \(probe.path) reached another township's thing: \(elsewhere)")
                if elsewhere != missing { differing.append("\(who) \(probe.method) \(probe.path):\n  elsewhere \(elsewhere)\n  missing   \(missing)") }
            }
            // The CLI says the same for both.
            for command in [["student", "show"], ["care", "child"], ["subsidy", "child"]] {
                func run(_ key: String) async throws -> String {
                    let run = try await runProduct("baoxue", command + [key, "--token", token] + cluster.gatewayFlags)
                    return "\(run.status) \((run.stdout + run.stderr).replacingOccurrences(of: key, with: "KEY").replacingOccurrences(of: Masking.key(key), with: "KEY"))"
                }
                let (elsewhere, missing) = (try await run(childKey), try await run(nobody))
                if elsewhere != missing { differing.append("\(who) baoxue \(command.joined(separator: " ")):\n  elsewhere \(elsewhere)\n  missing   \(missing)") }
            }
            for (command, id) in [(["case", "show"], kase), (["alert", "show"], alert), (["alert", "ack"], alert), (["crosscheck", "verify"], suspect)] {
                let extra = command == ["crosscheck", "verify"] ? ["--category", "notFound"] : []
                func run(_ id: String) async throws -> String {
                    let run = try await runProduct("baoxue", command + [id] + extra + ["--token", token] + cluster.gatewayFlags)
                    return "\(run.status) \((run.stdout + run.stderr).replacingOccurrences(of: id, with: "ID"))"
                }
                let (elsewhere, missing) = (try await run(id), try await run(missingID))
                if elsewhere != missing { differing.append("\(who) baoxue \(command.joined(separator: " ")):\n  elsewhere \(elsewhere)\n  missing   \(missing)") }
            }
        }

        // Then: the two answers are one, everywhere.
        #expect(differing.isEmpty, "\(differing.count) routes tell an out-of-scope id from a missing one:\n\(differing.joined(separator: "\n"))")
        await cluster.stop()
    }
}
