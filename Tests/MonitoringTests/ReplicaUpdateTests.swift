import BaoxueContracts
import BaoxueTestSupport
import GRDB
import Testing

@testable import Monitoring

/// Decision 161: the replica updates a child's row naming only the indexed columns that changed.
/// Whatever an event changes, the row it leaves is the row a first insert of the same child would
/// have made, and every index agrees with the table.
@Suite struct ReplicaUpdateTests {
    /// What an event changes, from fixture child 1 as first added.
    enum Edit: String, CaseIterable, CustomTestStringConvertible {
        case nothing, idNumber, school, status, guardianPhone, documentsIncomplete, everything

        var testDescription: String { rawValue }

        func apply(to student: inout Student) throws {
            if self == .idNumber || self == .everything {
                student.record.idNumber = try IDNumber(validating: RosterFixtures.idNumber(sequence: 901))
            }
            if self == .school || self == .everything {
                student.record.schoolCode = RosterFixtures.otherSchool
                student.township = RosterFixtures.otherTownship
            }
            if self == .status || self == .everything { student.status = .droppedOut }
            if self == .guardianPhone || self == .everything { student.record.guardianPhone = "13900001111" }
            if self == .documentsIncomplete || self == .everything { student.documentsIncomplete = true }
        }
    }

    static func row(_ monitor: MonitorHarness, _ number: String) throws -> Row? {
        try monitor.database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM student WHERE number = ?", arguments: [number]) }
    }

    @Test(arguments: Edit.allCases) func anUpdateLeavesTheRowAFirstInsertWouldMake(_ edit: Edit) throws {
        let updated = try MonitorHarness()
        try updated.add(1)
        var student = try updated.student(1, revision: 2)
        try edit.apply(to: &student)
        try updated.send(RegistryMessage.Event.studentUpdated, student)

        let inserted = try MonitorHarness()
        try inserted.send(RegistryMessage.Event.studentAdded, student)

        let number = student.record.studentNumber.value
        let row = try #require(try Self.row(updated, number))
        #expect(row == (try Self.row(inserted, number)))
        #expect(row["revision"] as Int == 2)
        if edit != .nothing {
            // The edit reached the row (the first insert names every column).
            let before = try MonitorHarness()
            try before.add(1)
            #expect(row != (try Self.row(before, number)))
        }
        // Every index holds the row's values as they now are.
        let check = try updated.database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
        let byIndex = try updated.database.read { db in
            try String.fetchOne(db, sql: "SELECT number FROM student INDEXED BY student_by_place_status WHERE township = ? AND school = ? AND status = ?", arguments: [student.township, student.record.schoolCode, student.status.rawValue])
        }
        #expect(byIndex == number)
    }

    @Test func aStatusChangeKeepsThePlaceAndSetsTheStatusDate() throws {
        let monitor = try MonitorHarness()
        try monitor.add(1)
        try monitor.change(1, .dropOut, to: .droppedOut)
        let student = try monitor.student(1)
        let row = try #require(try Self.row(monitor, student.record.studentNumber.value))
        #expect(row["status"] as String == StudentStatus.droppedOut.rawValue)
        #expect(row["status_date"] as String == monitor.today.description)
        #expect(row["school"] as String == RosterFixtures.school && row["township"] as String == RosterFixtures.township)
        #expect(try monitor.database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }
}
