import BaoxueContracts
import Testing

@testable import Registry

@Suite struct StatusTransitionTests {
    /// DOMAIN.md's table: from which statuses each change may start, and where it leads.
    static let allowed: [StatusChangeKind: [StudentStatus: StudentStatus]] = [
        .enroll: [:],
        .transferOut: [.enrolled: .transferredOut],
        .transferIn: [.transferredOut: .enrolled, .leftCounty: .enrolled],
        .suspend: [.enrolled: .suspended],
        .extendSuspension: [.suspended: .suspended],
        .resume: [.suspended: .enrolled],
        .dropOut: [.enrolled: .droppedOut, .suspended: .droppedOut],
        .return: [.droppedOut: .enrolled],
        .graduate: [.enrolled: .graduated],
        .death: [.enrolled: .deceased, .suspended: .deceased, .transferredOut: .deceased, .droppedOut: .deceased, .leftCounty: .deceased],
    ]

    @Test(arguments: StatusChangeKind.allCases, StudentStatus.allCases)
    func transitionFollowsTheTable(kind: StatusChangeKind, from: StudentStatus) throws {
        let request = StatusChangeRequest(student: "x", kind: kind, date: CivilDate(year: 2026, month: 9, day: 1)!)
        let result = StatusTransition.target(of: request, from: from)
        if let expected = Self.allowed[kind]?[from] {
            #expect(try result.get() == expected)
        } else {
            guard case .failure(let error) = result else {
                Issue.record("\(kind) from \(from) should be refused")
                return
            }
            #expect(error.code == .changeNotAllowed)
            #expect(error.message.contains(from.label(.zh)))
        }
    }

    @Test func transferOutOfCountyLeavesTheCounty() throws {
        let request = StatusChangeRequest(student: "x", kind: .transferOut, date: CivilDate(year: 2026, month: 9, day: 1)!, outOfCounty: true)
        #expect(try StatusTransition.target(of: request, from: .enrolled).get() == .leftCounty)
    }

    @Test func missingDocumentsAreListed() {
        let requirements = DocumentRequirements()
        #expect(requirements.missing(for: .transferOut, supplied: ["转学申请"]) == ["接收证明"])
        #expect(requirements.missing(for: .transferOut, supplied: [" 转学申请 ", "接收证明"]).isEmpty)
        #expect(requirements.missing(for: .graduate, supplied: []).isEmpty)
    }
}
