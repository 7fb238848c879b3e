import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

/// A class, so each test's instance removes the directory it made however the test ends.
@Suite final class AccessStoreTests {
    let directory = TemporaryDirectory("baoxue-access")

    deinit { directory.remove() }

    @Test func tokensAreShownOnceStoredAsDigestsAndStopWorkingWhenDisabledOrRotated() async throws {
        let store = try AccessStore(dataDirectory: directory.path)
        let issued = try store.add(try NewUser.checked(name: "wang", role: "township-staff", township: "510123101", school: nil))
        let token = issued.token
        #expect(issued.account.township == "510123101")
        #expect(BearerToken.isWellFormed(token))
        #expect(try await store.authenticate(token: token).name == "wang")
        // Only the digest is on disk.
        #expect(try !directory.anyFileContains(token))
        let mode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        _ = try store.setDisabled(true, name: "wang")
        await #expect(throws: ServiceError.self) { _ = try await store.authenticate(token: token) }
        _ = try store.setDisabled(false, name: "wang")
        let rotated = try store.rotateToken(name: "wang").token
        await #expect(throws: ServiceError.self) { _ = try await store.authenticate(token: token) }
        #expect(try await store.authenticate(token: rotated).name == "wang")
        await #expect(throws: ServiceError.self) { _ = try await store.authenticate(token: "bx_" + String(repeating: "A", count: 43)) }
        await #expect(throws: ServiceError.self) { _ = try await store.authenticate(token: "") }
        #expect(throws: ServiceError.self) { _ = try store.add(try NewUser.checked(name: "wang", role: "viewer", township: nil, school: nil)) }
    }

    @Test(arguments: [
        ("wang", "township-staff", nil, nil, "township"),
        ("wang", "township-staff", "51012310", nil, "township"),
        ("li", "school-staff", nil, "12345", "school"),
        ("li", "school-staff", "510123101", "5101230001", "township"),
        ("zhao", "viewer", "510123101", nil, "township"),
        ("root", "system", nil, nil, "role"),
        ("root", "janitor", nil, nil, "role"),
        ("", "viewer", nil, nil, "name"),
        ("a b", "viewer", nil, nil, "name"),
    ] as [(String, String, String?, String?, String)])
    func badUsersAreRefusedWithTheField(name: String, role: String, township: String?, school: String?, field: String) {
        do {
            _ = try NewUser.checked(name: name, role: role, township: township, school: school)
            Issue.record("accepted \(name) \(role)")
        } catch {
            #expect(error.code == .userInvalid)
            #expect(error.problems?.contains { $0.field == field } == true, "\(error.problems ?? [])")
        }
    }

    @Test func auditLinesFindAChildByEitherNumberWithoutHoldingIt() async throws {
        let store = try AccessStore(dataDirectory: directory.path)
        let id = RosterFixtures.idNumber(sequence: 1)
        let record = try Self.record(1)
        let student = Student(record: record, status: .enrolled, township: RosterFixtures.township, schoolName: nil, documentsIncomplete: false, updatedAt: Timestamp.now(), revision: 1)
        let actor = Actor(user: "li", role: "county-operator", via: "http 10.0.0.7")
        try await store.record(actor, action: "student.read", subject: store.subject(student))
        try await store.record(actor, action: "student.change", subject: store.subject(student), detail: "suspend")
        try await store.record(Actor(user: "wang", role: "township-staff", township: "510123999", via: "cli"), action: "student.read", outcome: "denied", subject: store.subject(key: id))

        let byID = try await store.audit(AuditQuery(student: id))
        #expect(byID.map(\.action) == ["student.read", "student.change", "student.read"])
        #expect(byID.first?.outcome == "denied")
        let byNumber = try await store.audit(AuditQuery(student: record.studentNumber.value))
        #expect(byNumber.count == 2)
        // Full-width digits name the same child.
        let fullWidth = String(id.unicodeScalars.map { ("0"..."9").contains($0) ? Character(UnicodeScalar($0.value + 0xFEE0)!) : Character($0) })
        #expect(try await store.audit(AuditQuery(student: fullWidth)).count == 3)
        #expect(try await store.audit(AuditQuery(user: "wang")).count == 1)
        #expect(try await store.audit(AuditQuery(since: "2099-01-01")).isEmpty)
        #expect(try await store.audit(AuditQuery(since: Timestamp.todayInChina().description)).count == 3)
        await #expect(throws: ServiceError.self) { _ = try await store.audit(AuditQuery(since: "yesterday")) }

        // The log never holds the full number, and cannot be edited.
        #expect(try !directory.anyFileContains(id))
        #expect(byID.allSatisfy { !($0.subject ?? "").contains(id) })
        let database = try DatabaseQueue(path: store.path)
        #expect(throws: (any Error).self) { try database.write { try $0.execute(sql: "UPDATE audit SET user = 'nobody'") } }
        #expect(throws: (any Error).self) { try database.write { try $0.execute(sql: "DELETE FROM audit") } }
    }

    /// Fixture row `sequence` as a parsed record.
    static func record(_ sequence: Int) throws -> StudentRecord {
        let headers = RosterFixtures.studentsHeader.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let values = RosterFixtures.studentRow(sequence).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var fields: [StudentField: String] = [:]
        for (header, value) in zip(headers, values) {
            if let field = StudentField.allCases.first(where: { $0.header == header }) { fields[field] = value }
        }
        return try StudentRecord.parse(fields).get()
    }
}

extension TemporaryDirectory {
    /// Whether any file here (the database and its WAL) holds `text` in UTF-8.
    func anyFileContains(_ text: String) throws -> Bool {
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        return try names.contains { name in
            try Data(contentsOf: URL(fileURLWithPath: file(name))).range(of: Data(text.utf8)) != nil
        }
    }
}
