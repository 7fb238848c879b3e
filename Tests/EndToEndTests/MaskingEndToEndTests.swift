import Access
import BaoxueContracts
import BaoxueDemo
import BaoxueSpreadsheet
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

/// Masking that holds (issue 14, item 1; decision 111): every masked view and export of a demo
/// county, read by every role over HTTP and the CLI, and the webhook bodies sent about it, hold
/// nothing from which a full ID number, student number or phone can be rebuilt: no full value,
/// no birth date in any form beside the masked number that hides exactly those digits, and no
/// two masks of one value that show different parts of it.
@Suite(.serialized) struct MaskingEndToEndTests {
    static let students = 800

    /// The roles, each with its token; the township and school ones scoped to the demo's first
    /// township and a school there.
    static func tokens(_ cluster: Cluster, county: DemoCounty) throws -> [(role: Role, token: String)] {
        let township = county.townships[0].code
        let school = try #require(county.schools.first { school in school.township == township && county.students.contains { $0.schoolCode == school.code } }).code
        return try Role.allCases.filter { $0 != .system }.map { role in
            let user = NewUser(name: "mask-\(role.rawValue)", role: role, township: role == .townshipStaff ? township : nil, school: role == .schoolStaff ? school : nil)
            return (role, try cluster.operations.accessStore.add(user).token)
        }
    }

    /// Everyone the fixture knows in full: the registry's children and the household roster's.
    static func people(_ county: DemoCounty) -> [MaskedViewAudit.Person] {
        let extra = max(3, county.students.count / 200)
        let population = DemoPopulation.generate(county: county, extraSchoolAge: extra, extraOutOfAge: extra * 2, seed: county.seed)
        var people = county.students.map {
            MaskedViewAudit.Person(idNumber: $0.idNumber?.value, studentNumber: $0.studentNumber.value, birthDate: $0.birthDate, phones: $0.guardianPhone.map { [$0] } ?? [])
        }
        let registered = Set(county.students.compactMap { $0.idNumber?.value })
        for child in population.children where !registered.contains(child.idNumber) {
            guard let id = try? IDNumber(validating: child.idNumber) else { continue }
            people.append(MaskedViewAudit.Person(idNumber: id.value, studentNumber: "G" + id.value, birthDate: id.birthDate, phones: [child.guardianPhone]))
        }
        return people
    }

    @Test func noMaskedViewOrExportGivesAFullNumberBack() async throws {
        // Given: a demo county loaded through the CLI into the real services, one user per role,
        // and a township's group chats (a generic receiver and a 企业微信 robot) whose deliveries
        // wait at an address where nothing listens.
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        let today = Timestamp.todayInChina()
        let county = DemoCounty.generate(students: Self.students, seed: 1, today: today)
        let township = county.townships[0].code
        let nowhere = ClosedPort()
        for kind in ["generic", "wecom"] {
            let added = try await runProduct("baoxue", ["webhook", "add", "--name", "乡镇群-\(kind)", "--kind", kind, "--township", township, "--url", "http://127.0.0.1:\(nowhere.port)/send?key=K"] + cluster.gatewayFlags)
            try #require(added.status == 0, "\(added.stderr)")
        }
        let loaded = try await runProduct("baoxue", ["demo", "seed", "--students", "\(Self.students)", "--load"] + cluster.gatewayFlags, timeout: .seconds(600))
        try #require(loaded.status == 0, "\(loaded.stderr)")
        try await cluster.operations.services.waitForMonitorToCatchUp(timeout: .seconds(60))
        try await cluster.operations.services.waitToCatchUp(.care, following: .monitor, timeout: .seconds(60))
        let tokens = try Self.tokens(cluster, county: county)
        var audit = MaskedViewAudit(people: Self.people(county))
        let term = Term(containing: today).code

        // When: every list, ledger and masked record is read by every role.
        var read = 0
        // A view refused to a role shows nothing; any other failure is a view the test did not
        // read, and says so, so that a mistyped path cannot pass for a clean view.
        var unread: [String] = []
        for (role, token) in tokens {
            let client = http.with(token: token)
            func view(_ path: String) async throws {
                let reply = try await client.get(path)
                guard reply.status == 200 else {
                    if reply.status != 403 { unread.append("\(role.rawValue) GET \(path): \(reply.status) \(reply.text.prefix(200))") }
                    return
                }
                read += 1
                if path.hasSuffix(".xlsx") || path.contains(".xlsx?") {
                    audit.read(try XLSXReader.read(reply.body).rows.map { $0.joined(separator: "\t") }.joined(separator: "\n"), view: "\(role.rawValue) GET \(path)")
                } else {
                    audit.read(reply.text, view: "\(role.rawValue) GET \(path)")
                }
            }
            // Every page of the students, as a client pages through them.
            var cursor: String?
            repeat {
                let path = "/api/v1/students?limit=250" + (cursor.map { "&cursor=\($0)" } ?? "")
                try await view(path)
                cursor = try await client.get(path).json()["nextCursor"] as? String
            } while cursor != nil
            for path in [
                "/api/v1/changes?limit=1000", "/api/v1/alerts?limit=1000", "/api/v1/alerts?limit=1000&state=resolved", "/api/v1/alerts?limit=1000&service=care",
                "/api/v1/alerts?limit=1000&service=subsidy", "/api/v1/cases?limit=1000",
                "/api/v1/crosscheck?limit=1000", "/api/v1/crosscheck?limit=1000&state=closed", "/api/v1/teaching?limit=1000",
                "/api/v1/ledger/school-age.csv", "/api/v1/ledger/suspect.csv", "/api/v1/ledger/dropout.csv",
                "/api/v1/ledger/school-age.xlsx", "/api/v1/ledger/suspect.xlsx", "/api/v1/ledger/dropout.xlsx",
                "/api/v1/care/ledger?limit=1000", "/api/v1/care/ledger?limit=1000&state=inactive", "/api/v1/care/ledger.csv", "/api/v1/care/ledger.xlsx",
                "/api/v1/care/ledger/flagged?limit=1000", "/api/v1/care/notices?limit=1000", "/api/v1/care/gaps?limit=1000", "/api/v1/care/wishes?limit=1000",
                "/api/v1/care/wishes/donor?limit=1000", "/api/v1/care/surrogates?limit=1000", "/api/v1/care/homes?limit=1000", "/api/v1/care/activities?limit=1000",
                "/api/v1/subsidy/eligible?term=\(term)&limit=1000", "/api/v1/subsidy/payments?term=\(term)&limit=1000", "/api/v1/subsidy/coverage?term=\(term)&limit=1000",
                "/api/v1/subsidy/rosters/unmatched?limit=1000", "/api/v1/subsidy/batches?limit=100", "/api/v1/alerts/deliveries?limit=1000", "/api/v1/audit?limit=1000",
            ] {
                try await view(path)
            }
            for batch in (try? await client.get("/api/v1/subsidy/batches?limit=100").json(array: true)) ?? [] {
                if let id = batch["id"] as? Int { try await view("/api/v1/subsidy/batches/\(id)") }
            }
            for found in (try? await client.get("/api/v1/cases?limit=1000").json(array: true)) ?? [] {
                if let id = found["id"] as? Int { try await view("/api/v1/cases/\(id)") }
            }
        }
        // A viewer's single records: masked too, the birth date to its year.
        let viewer = try #require(tokens.first { $0.role == .viewer }?.token)
        for student in county.students.prefix(40) {
            let key = student.idNumber?.value ?? student.studentNumber.value
            for path in ["/api/v1/students/\(key)", "/api/v1/care/children/\(key)", "/api/v1/subsidy/children/\(key)"] {
                let reply = try await http.with(token: viewer).get(path)
                // The key asked for is in the request, not the answer.
                if reply.status == 200 { read += 1; audit.read(reply.text, view: "viewer GET \(path)") }
            }
        }

        // The CLI's tables and the files its --out writes, as a viewer and as township staff.
        for (role, token) in tokens where role == .viewer || role == .townshipStaff || role == .countyOperator {
            func cli(_ arguments: [String], out: String? = nil) async throws {
                let run = try await runProduct("baoxue", arguments + ["--token", token] + cluster.gatewayFlags + (out.map { ["--out", $0] } ?? []))
                guard run.status == 0 else {
                    if !run.stderr.contains("无权") { unread.append("\(role.rawValue) baoxue \(arguments.joined(separator: " ")): \(run.stderr.prefix(200))") }
                    return
                }
                read += 1
                audit.read(run.stdout + run.stderr, view: "\(role.rawValue) baoxue \(arguments.joined(separator: " "))")
                if let out {
                    let data = try Data(contentsOf: URL(fileURLWithPath: out))
                    let text = out.hasSuffix(".xlsx") ? try XLSXReader.read(data).rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") : String(decoding: data, as: UTF8.self)
                    audit.read(text, view: "\(role.rawValue) baoxue \(arguments.joined(separator: " ")) --out \(out)")
                }
            }
            let directory = cluster.directory.file("out-\(role.rawValue)")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for format in ["csv", "xlsx"] {
                try await cli(["student", "list", "--limit", "1000"], out: "\(directory)/students.\(format)")
                try await cli(["case", "list"], out: "\(directory)/cases.\(format)")
                try await cli(["teaching", "list"], out: "\(directory)/teaching.\(format)")
                for kind in ["school-age", "suspect", "dropout"] {
                    try await cli(["ledger", "export", "--kind", kind], out: "\(directory)/\(kind).\(format)")
                }
                try await cli(["care", "ledger", "export"], out: "\(directory)/care.\(format)")
            }
            for arguments in [
                ["student", "list", "--limit", "1000"], ["crosscheck", "list", "--limit", "1000"], ["alert", "list", "--limit", "1000"], ["case", "list"],
                ["care", "ledger", "list", "--limit", "1000"], ["care", "ledger", "flagged", "--limit", "1000"], ["care", "notices", "--limit", "1000"],
                ["care", "gaps"], ["care", "wish", "list"], ["care", "wish", "donors"], ["subsidy", "unmatched", "--limit", "1000"],
                ["subsidy", "eligible", "--term", term, "--limit", "1000"], ["subsidy", "payments", "--term", term, "--limit", "1000"],
                ["subsidy", "coverage", "--term", term, "--limit", "1000"], ["alert", "deliveries"],
            ] {
                try await cli(arguments)
            }
            if role == .viewer {
                for student in county.students.prefix(10) {
                    let key = student.idNumber?.value ?? student.studentNumber.value
                    for command in [["student", "show"], ["care", "child"], ["subsidy", "child"]] {
                        let run = try await runProduct("baoxue", command + [key, "--token", token] + cluster.gatewayFlags)
                        if run.status == 0 { read += 1; audit.read(run.stdout, view: "viewer baoxue \(command.joined(separator: " "))") }
                    }
                }
            }
        }

        // The webhook bodies the township's group chats were to get.
        let deliveries = try DatabaseQueue(path: cluster.directory.file("gateway/delivery.sqlite"))
        let payloads = try await deliveries.read { db in try Data.fetchAll(db, sql: "SELECT payload FROM delivery") }
        for payload in payloads { audit.read(String(decoding: payload, as: UTF8.self), view: "webhook payload") }

        // Then: nothing read gives a full number back, alone or laid over another view.
        #expect(read > 100, "the views were read (\(read))")
        #expect(unread.isEmpty, "views that could not be read:\n\(unread.joined(separator: "\n"))")
        #expect(!payloads.isEmpty, "the township's alerts were to be sent")
        #expect(audit.masksMatched > 1_000, "masked numbers were found and matched to the children (\(audit.masksMatched))")
        #expect(audit.findings.isEmpty, "\(audit.findings.count) leaks:\n\(audit.findings.prefix(60).joined(separator: "\n"))")
        let combined = audit.combinedFindings()
        #expect(combined.isEmpty, "\(combined.count) values shown by different masks:\n\(combined.prefix(20).joined(separator: "\n"))")
        nowhere.close()
        await cluster.stop()
    }

    /// The audit itself: it must catch the forms a leak takes, or its silence means nothing.
    @Test func theAuditCatchesWhatItLooksFor() {
        let id = "510123201605292108", phone = "13812345678"
        let person = MaskedViewAudit.Person(idNumber: id, studentNumber: "G" + id, birthDate: CivilDate(year: 2016, month: 5, day: 29)!, phones: [phone])
        for leak in [
            #"{"idNumber": "510123********2108", "birthDate": "2016-05-29"}"#, "510123********2108 2016/5/29", "出生日期 2016年5月29日",
            "G510123201605292108", "电话 13812345678", "20160529", "2016.05.29",
        ] {
            var audit = MaskedViewAudit(people: [person])
            audit.read(leak, view: "v")
            #expect(!audit.findings.isEmpty, "\(leak)")
        }
        var clean = MaskedViewAudit(people: [person])
        clean.read(#"{"idNumber": "510123********2108", "studentNumber": "G510123********2108", "birthYear": 2016, "phone": "138****5678", "date": "2026-05-29"}"#, view: "v")
        #expect(clean.findings.isEmpty && clean.combinedFindings().isEmpty && clean.masksMatched == 4, "\(clean.findings) \(clean.combinedFindings())")
        // Two masks of one number, each hiding a different part, give it back together.
        var combined = MaskedViewAudit(people: [person])
        combined.read("510123********2108", view: "a")
        combined.read("5101232016****2108", view: "b")
        combined.read("138****5678 13812**5678", view: "c")
        #expect(combined.combinedFindings().count == 2, "\(combined.combinedFindings())")
    }
}
