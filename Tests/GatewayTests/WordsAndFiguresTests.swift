import BaoxueContracts
import Testing

@testable import Gateway

/// What people read (issue 13, item 6): the in-school rate is called what it is, the cohort
/// consolidation rate says when the history is too short instead of showing a figure, and
/// tables put names beside codes and grades as labels.
@Suite struct WordsAndFiguresTests {
    static func sheet(consolidation: ConsolidationRate, lines: [ConsolidationLine] = [], township: String? = nil) -> TargetScoreSheet {
        var total = TargetFigures(shouldAttend: 4, enrolled: 3, droppedOut: 1, enrolmentRate: 75)
        total.consolidation = consolidation
        return TargetScoreSheet(year: 2026, asOf: CivilDate(parsing: "2026-11-02")!, complete: false, township: township, school: nil, scores: [], total: total, consolidation: lines)
    }

    @Test func aShortHistorySaysSoAndShowsNoRate() {
        let missing = ConsolidationRate(schoolYear: 2026, completers: 12, entrants: nil, complete: true, historyBegins: CivilDate(parsing: "2026-11-02"))
        let line = ConsolidationLine(township: "510123101", townshipName: "城关镇", consolidation: missing)
        let zh = TargetText.score(Self.sheet(consolidation: missing, lines: [line]), .zh)
        #expect(zh.contains("在校率") && zh.contains("75%"))
        #expect(zh.contains("历史记录不足：最早记录2026年（2026-11-02起），计算需自2017-09-01起的一年级入学记录，巩固率暂不计算。"), "\(zh)")
        #expect(zh.contains("2025–2026学年初三毕业人数 ÷ 2017–2018学年一年级入学人数"))
        #expect(zh.contains("城关镇"))
        #expect(!zh.contains("口径：巩固率"), "the in-school rate is no longer called 巩固率")
        let en = TargetText.score(Self.sheet(consolidation: missing), .en)
        #expect(en.contains("History too short: the earliest record is from 2026 (2026-11-02); the rate needs grade-1 entries from 2017-09-01, so there is none."), "\(en)")
        #expect(en.contains("in-school rate"))
        let none = ConsolidationRate(schoolYear: 2026, completers: 0, entrants: nil, complete: true, historyBegins: nil)
        #expect(TargetText.score(Self.sheet(consolidation: none), .zh).contains("历史记录不足：尚无学籍历史记录"))
    }

    @Test func aCoveredCohortShowsItsRate() {
        let covered = ConsolidationRate(schoolYear: 2026, completers: 3, entrants: 4, complete: false, historyBegins: CivilDate(parsing: "2017-08-20"))
        let text = TargetText.score(Self.sheet(consolidation: covered), .zh)
        #expect(text.contains("75%") && !text.contains("历史记录不足"))
        #expect(text.contains("2025–2026学年尚未结束，毕业人数为截至目前。"))
        #expect(TargetText.cohortCells(covered, .zh) == ["3", "4", "75%"])
    }

    @Test func tablesPutNamesBesideCodesAndGradesAsLabels() throws {
        let id = try IDNumber(validating: "11010519491231002X")
        let record = StudentRecord(name: "张三", sex: .female, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id), schoolCode: "2510123001", grade: 8, guardianPhone: "13812345678")
        let page = StudentSheetPage(students: [StudentSheet(Student(record: record, status: .enrolled, township: "510123101", schoolName: "城关镇中学", documentsIncomplete: false, updatedAt: "", revision: 1), masked: true)], total: 1, nextCursor: nil)
        let zh = StudentText.list(page, .zh, townships: ["510123101": "城关镇"])
        #expect(zh.contains("城关镇 510123101") && zh.contains("城关镇中学 2510123001") && zh.contains("初二"))
        #expect(StudentText.list(page, .en).contains("grade 8"))
        #expect(StudentText.list(page, .zh).contains(" 510123101 "), "the code alone when no name is known")
        #expect(PlaceText.named(nil, "510123") == "510123" && PlaceText.named("510123", "510123") == "510123")
    }
}
