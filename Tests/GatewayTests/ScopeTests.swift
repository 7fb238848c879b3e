import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Gateway

/// The registry itself limits every read and write to the actor's scope: the gateway is not the
/// only wall between a township user and another township's children.
@Suite struct ScopeTests {
    static let townshipA = Actor(user: "wang", role: "township-staff", township: RosterFixtures.township, via: "test")
    static let schoolOne = Actor(user: "li", role: "school-staff", school: RosterFixtures.school, via: "test")
    static let viewer = Actor(user: "zhao", role: "viewer", via: "test")

    func loaded() async throws -> InProcessServices {
        let registry = try await InProcessServices()
        _ = try await registry.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let csv = ([RosterFixtures.studentsHeader] + (1...4).map { RosterFixtures.studentRow($0) } + (5...7).map { RosterFixtures.studentRow($0, school: RosterFixtures.otherSchool) }).joined(separator: "\n")
        _ = try await registry.operations.registry.importStudents(Data(csv.utf8), actor: .localOperator())
        return registry
    }

    @Test func townshipStaffSeeTheirTownshipOnlyAndWriteNothing() async throws {
        let registry = try await loaded()
        let operations = registry.operations
        let page = try await operations.registry.students(StudentQuery(), actor: Self.townshipA)
        #expect(page.total == 4)
        #expect(await errorCode { _ = try await operations.registry.students(StudentQuery(township: RosterFixtures.otherTownship), actor: Self.townshipA) } == "scope.forbidden")
        #expect(await errorCode { _ = try await operations.registry.student(RosterFixtures.idNumber(sequence: 5), actor: Self.townshipA) } == "scope.forbidden")
        _ = try await operations.registry.student(RosterFixtures.idNumber(sequence: 1), actor: Self.townshipA)
        await #expect(throws: ServiceError.self) { _ = try await operations.registry.student(RosterFixtures.idNumber(sequence: 99), actor: Self.townshipA) }
        #expect(await errorCode {
            _ = try await operations.registry.changeStatus(StatusChangeRequest(student: RosterFixtures.idNumber(sequence: 1), kind: .suspend, date: Timestamp.todayInChina()), actor: Self.townshipA)
        } == "scope.forbidden")
        #expect(try await operations.registry.schools(actor: Self.townshipA).map(\.code) == [RosterFixtures.school])
        await registry.stop()
    }

    @Test func schoolStaffChangeTheirOwnSchoolsChildrenOnly() async throws {
        let registry = try await loaded()
        let operations = registry.operations
        #expect(try await operations.registry.students(StudentQuery(), actor: Self.schoolOne).total == 4)
        let own = StatusChangeRequest(student: RosterFixtures.idNumber(sequence: 2), kind: .suspend, date: Timestamp.todayInChina(), documents: ["休学申请", "病历证明"])
        #expect(try await operations.registry.changeStatus(own, actor: Self.schoolOne).student.status == .suspended)
        let other = StatusChangeRequest(student: RosterFixtures.idNumber(sequence: 6), kind: .suspend, date: Timestamp.todayInChina())
        #expect(await errorCode { _ = try await operations.registry.changeStatus(other, actor: Self.schoolOne) } == "scope.forbidden")
        #expect(try await operations.registry.changes(ChangeQuery(), actor: Self.schoolOne).count == 1)
        await registry.stop()
    }

    @Test func viewersReadTheCountyAndWriteNothing() async throws {
        let registry = try await loaded()
        let operations = registry.operations
        #expect(try await operations.registry.students(StudentQuery(), actor: Self.viewer).total == 7)
        #expect(await errorCode { _ = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(8...9).utf8), actor: Self.viewer) } == "scope.forbidden")
        #expect(await errorCode {
            _ = try await operations.registry.changeStatus(StatusChangeRequest(student: RosterFixtures.idNumber(sequence: 1), kind: .suspend, date: Timestamp.todayInChina()), actor: Self.viewer)
        } == "scope.forbidden")
        let stranger = Actor(user: "x", role: "janitor", via: "test")
        #expect(await errorCode { _ = try await operations.registry.students(StudentQuery(), actor: stranger) } == "scope.forbidden")
        await registry.stop()
    }
}
