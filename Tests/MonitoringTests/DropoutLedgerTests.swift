import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Monitoring

/// A dropout's case takes the causes the school chose (decision 101), and the dropout ledger
/// (辍学学生台账) carries what the county files: sex, grade as a label, the guardian with the
/// phone masked, the registry's dropout and return dates, and the legal steps (decision 103).
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

    @Test func theDropoutLedgerHasTheCountysColumns() throws {
        let monitor = try MonitorHarness(today: MonitorHarness.date("2026-11-20"))
        try monitor.add(1)
        try monitor.add(2)
        try Self.dropOut(monitor, 1, causes: [.weariness], reason: nil, on: "2026-10-08")
        try Self.dropOut(monitor, 2, causes: [.work], reason: nil, on: "2026-10-09")
        let first = try #require(try monitor.caseRow(1)).id
        try monitor.write { db, store, today in
            try store.cases.assign(db, AssignCaseRequest(id: first, townshipOfficial: "王乡长", schoolTeacher: "李老师"), actor: MonitorHarness.county, today: today)
            try store.cases.step(db, LegalStepRequest(id: first, step: .townshipNotice, date: MonitorHarness.date("2026-10-20"), note: "限期十日"), actor: MonitorHarness.county, today: today)
            try store.cases.step(db, LegalStepRequest(id: first, step: .classTeacher, date: MonitorHarness.date("2026-10-10")), actor: MonitorHarness.county, today: today)
        }
        // Child 2 comes back: the registry's return closes the case into probation.
        try monitor.change(2, .return, to: .enrolled, from: .droppedOut, on: "2026-11-03", revision: 3)

        let ledger = try monitor.ledger(.dropout)
        var at: [String: Int] = [:]
        for header in ["性别", "出生年份", "乡镇", "乡镇名称", "年级", "监护人姓名", "监护人电话", "辍学日期", "复学日期", "依法控辍"] {
            at[header] = try #require(ledger.headers.firstIndex(of: header), "\(header)")
        }
        func cell(_ row: [String], _ header: String) -> String { row[at[header]!] }
        #expect(at["乡镇名称"] == at["乡镇"]! + 1, "the name beside the code")
        let byName = Dictionary(uniqueKeysWithValues: ledger.rows.map { ($0[1], $0) })
        let out = try #require(byName["学生1"]), back = try #require(byName["学生2"])
        #expect(cell(out, "性别") == "男" && cell(back, "性别") == "女")
        #expect(cell(out, "年级") == "五年级")
        #expect(cell(out, "监护人姓名") == "家**" && cell(out, "监护人电话") == "138****1001")
        #expect(!ledger.headers.contains("出生日期") && cell(out, "出生年份").count == 4, "the birth year, never the date, beside the masked number (decision 111)")
        #expect(cell(out, "乡镇") == RosterFixtures.township && cell(out, "乡镇名称") == "", "the gateway names townships")
        #expect(cell(out, "辍学日期") == "2026-10-08" && cell(out, "复学日期") == "")
        #expect(cell(out, "依法控辍") == "2026-10-10 班主任劝返；2026-10-20 乡镇督促入学通知书", "in date order")
        #expect(cell(back, "辍学日期") == "2026-10-09" && cell(back, "复学日期") == "2026-11-03")
        #expect(cell(back, "依法控辍") == "")
        for row in ledger.rows { #expect(!row.contains("13800001001"), "phones are masked in a list") }
    }
}
