import BaoxueContracts
import BaoxueDemo
import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

/// The dashboard in a real browser (issue 15): headless Chromium from Debian's packages, driven
/// through Playwright by `Tests/browser/dashboard_check.py`, against a real `baoxue up --demo`.
/// The script signs in as every role (township and school staff, a county admin and operator, a
/// viewer) and checks scope and masking in every page's DOM and every response, that a status
/// change's alert reaches the open page within 2 s, and acknowledges it from the page; this test
/// then finds the acknowledgement in `baoxue alert list`, as an operator would. Screenshots of
/// every page are left in `.build/test-output/dashboard/` for a person to look at.
@Suite(.serialized) struct DashboardBrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("Tests/browser/dashboard_check.py").path
    static let screenshots = root.appendingPathComponent(".build/test-output/dashboard").path

    @Test func everyRoleInChromiumWithScopeMaskingAndLiveAlerts() async throws {
        // `make test` installs both; a machine without them must say so, not pass quietly.
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "Chromium is missing: run make deps (apt-get install chromium)")
        #expect(await Python.has("playwright"), "Playwright is missing: run make deps (pip install playwright)")

        let directory = TemporaryDirectory("baoxue-dashboard")
        defer { directory.remove() }
        let base = FreePorts.base(count: PortPlan.width)
        let httpPort = FreePorts.base(count: 1)
        let students = 500
        let up = try ChildProcess("baoxue", ["up", "--demo", "--students", String(students), "--port-base", String(base), "--http", "127.0.0.1:\(httpPort)", "--data", directory.file("data")], log: directory.file("up.log"))
        let http = HTTPTestClient(base: "http://127.0.0.1:\(httpPort)")
        try await http.waitUntilOK("/healthz", within: .seconds(90))
        #expect(try await eventually(within: .seconds(120), every: .milliseconds(200)) { up.output.contains("Ctrl-C") })
        let tokensPath = directory.file("data/demo-tokens.env")
        let operatorClient = http.with(token: try Self.token("COUNTY_OPERATOR", in: tokensPath))
        let township = try #require(try await http.with(token: try Self.token("TOWNSHIP_STAFF", in: tokensPath)).get("/api/v1/me").json()["township"] as? String)

        // The names only other townships' children have: none may reach the township user.
        let all = try await operatorClient.get("/api/v1/students?limit=1000").json()["students"] as? [[String: Any]] ?? []
        #expect(all.count == students)
        let own = Set(all.filter { $0["township"] as? String == township }.compactMap { $0["name"] as? String })
        let others = Set(all.filter { $0["township"] as? String != township }.compactMap { $0["name"] as? String })
        // Names that are also part of a place's name (a child called 龙泉 beside 龙泉镇) say nothing.
        let places = try await operatorClient.get("/api/v1/schools").json(array: true).flatMap { [$0["name"] as? String, $0["townshipName"] as? String].compactMap { $0 } }
        let forbidden = others.filter { name in !own.contains { $0.contains(name) } && !places.contains { $0.contains(name) } }.sorted()
        #expect(forbidden.count > 50)
        let namesFile = directory.file("other-names.txt")
        try forbidden.joined(separator: "\n").write(toFile: namesFile, atomically: true, encoding: .utf8)
        let otherTownship = try #require(all.compactMap { $0["township"] as? String }.first { $0 != township })
        // The same for the school user's school.
        let school = try #require(try await http.with(token: try Self.token("SCHOOL_STAFF", in: tokensPath)).get("/api/v1/me").json()["school"] as? String)
        let ownSchool = Set(all.filter { $0["school"] as? String == school }.compactMap { $0["name"] as? String })
        let otherSchools = Set(all.filter { $0["school"] as? String != school }.compactMap { $0["name"] as? String })
        let forbiddenAtSchool = otherSchools.filter { name in !ownSchool.contains { $0.contains(name) } && !places.contains { $0.contains(name) } }.sorted()
        #expect(forbiddenAtSchool.count > 100)
        let schoolNamesFile = directory.file("other-school-names.txt")
        try forbiddenAtSchool.joined(separator: "\n").write(toFile: schoolNamesFile, atomically: true, encoding: .utf8)
        let otherSchool = try #require(all.compactMap { $0["school"] as? String }.first { $0 != school })

        // A child the demo leaves enrolled, reported as dropped out while the page is open.
        let today = Timestamp.todayInChina()
        let county = DemoCounty.generate(students: students, seed: 1, today: today)
        let child = try #require(county.students.enumerated().first { index, student in
            index > 0 && student.grade >= 2 && [97, 151, 211, 389, 113, 131].allSatisfy { index % $0 != 0 } && student.disability == .none
        }?.element)

        try? FileManager.default.removeItem(atPath: Self.screenshots)
        let run = try await runCommand("/usr/bin/env", [
            "python3", Self.script, "--base", http.base, "--tokens", tokensPath, "--case-for-change", child.identityKey, "--change-date", today.description, "--child-name", child.name,
            "--other-township", otherTownship, "--other-township-names", namesFile, "--other-school", otherSchool, "--other-school-names", schoolNamesFile,
            "--out", Self.screenshots,
        ], timeout: .seconds(300))
        print(run.stdout)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("all checks passed"))

        // The acknowledgement made on the page, as `baoxue alert list` shows it.
        let acknowledged = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("ACKNOWLEDGED ") }?.split(separator: " ").last.map(String.init))
        let list = try await runProduct("baoxue", ["alert", "list", "--state", "acknowledged", "--json", "--port-base", String(base), "--data", directory.file("data")])
        let alerts = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]) ?? []
        let alert = alerts.first { ($0["id"] as? Int).map(String.init) == acknowledged }
        #expect(alert?["acknowledgedBy"] as? String == "demo-county-operator", "\(list.stdout.prefix(2_000)) \(list.stderr)")
        for shot in ["login.png", "school-home.png", "county-home.png", "county-live-alert.png", "township-home.png", "viewer-home.png", "viewer-case.png", "township-phone.png", "county-home-en.png"] {
            #expect(FileManager.default.fileExists(atPath: Self.screenshots + "/" + shot), "\(shot)")
        }
        print("screenshots: \(Self.screenshots)")
        await up.terminate()
    }

    static func token(_ role: String, in path: String) throws -> String {
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where line.hasPrefix("BAOXUE_TOKEN_\(role)=") {
            return String(line.split(separator: "=", maxSplits: 1)[1].split(separator: " ")[0])
        }
        throw URLError(.userAuthenticationRequired)
    }
}
