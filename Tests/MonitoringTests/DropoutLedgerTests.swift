import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Monitoring

/// A dropout's case takes the causes the school chose (decision 101).
@Suite struct DropoutLedgerTests {
    /// A dropout of fixture child `sequence` on `date`, as the registry now publishes it.
    static func dropOut(_ monitor: MonitorHarness, _ sequence: Int, causes: [DropoutCause]?, reason: String?, on date: String, revision: Int = 2) throws {
        let student = try monitor.student(sequence, status: .droppedOut, revision: revision)
        var change = StatusChange(
            id: Int64(sequence * 100 + revision), studentNumber: student.record.studentNumber.value, kind: .dropOut, from: .enrolled, to: .droppedOut,
            date: MonitorHarness.date(date), documents: ["学校报告"], missingDocuments: [], reason: reason, fromSchool: RosterFixtures.school, toSchool: nil,
            expectedEnd: nil, recordedAt: Timestamp.now(), recordedBy: "op")
        change.causes = causes
        try monitor.send(RegistryMessage.Event.statusChanged, StatusChangedEvent(change: change, student: student))
    }

    @Test func aCaseTakesTheCausesTheSchoolChose() throws {
        let monitor = try MonitorHarness()
        for sequence in 1...4 { try monitor.add(sequence) }
        // Chosen from the list: the note is kept as the case's note, never scanned for words.
        try Self.dropOut(monitor, 1, causes: [.work, .familyCrisis], reason: "不想上学，跟着打工", on: "2026-10-30")
        #expect(try monitor.caseRow(1)?.causes == [.work, .familyCrisis])
        // Recorded before causes were a list: the text is read as it was then.
        try Self.dropOut(monitor, 2, causes: nil, reason: "厌学，家庭经济困难", on: "2026-10-30")
        #expect(try monitor.caseRow(2)?.causes == [.weariness, .poverty])
        try Self.dropOut(monitor, 3, causes: nil, reason: "不想上学", on: "2026-10-30")
        #expect(try monitor.caseRow(3)?.causes == [.other], "old free text naming no cause reads as 其他, as it did")
        // An empty list is an old change too (no causes chosen).
        try Self.dropOut(monitor, 4, causes: [], reason: "外出务工", on: "2026-10-30")
        #expect(try monitor.caseRow(4)?.causes == [.work])
        let history = try monitor.write { db, store, today in try store.cases.file(db, id: try #require(try monitor.caseRow(1)).id, today: today)?.history.first?.detail }
        #expect(history?.contains("不想上学，跟着打工") == true, "\(history ?? "")")
    }
}
