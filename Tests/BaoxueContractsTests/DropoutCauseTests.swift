import BaoxueContracts
import Foundation
import Testing

/// Dropout causes are a closed list chosen when the dropout is recorded (issue 13, item 6): the
/// request carries them as codes, an unknown one is kept aside to be refused by name, and the
/// messages name the choices in both languages.
@Suite struct DropoutCauseTests {
    @Test func aChangeRequestReadsKnownCausesAndKeepsUnknownOnesAside() throws {
        let json = #"{"student":"510123201503011012","kind":"dropOut","date":"2026-11-02","causes":["work","打工","weariness"],"reason":"不想上学"}"#
        let request = try JSONDecoder().decode(StatusChangeRequest.self, from: Data(json.utf8))
        #expect(request.causes == [.work, .weariness])
        #expect(request.unknownCauses == ["打工"], "a Chinese label is not a wire code")
        #expect(request.reason == "不想上学")
        // Encoding writes the known causes only: the unknown are never sent on.
        let encoded = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        #expect(encoded.contains(#""causes":["work","weariness"]"#) && !encoded.contains("打工") && !encoded.contains("unknownCauses"))
        let plain = try JSONDecoder().decode(StatusChangeRequest.self, from: Data(#"{"student":"x","kind":"suspend","date":"2026-11-02"}"#.utf8))
        #expect(plain.causes == nil && plain.unknownCauses.isEmpty)
    }

    @Test func messagesNameTheChoicesInBothLanguages() {
        let required = Bilingual(DropoutCause.requiredMessage)
        #expect(required.zh == "辍学须选择原因（可多选）：厌学、学习困难、家庭经济困难、残疾、疾病、外出务工、早婚早育、家庭变故、其他")
        #expect(required.en == "a dropout needs its causes, one or more of: weariness, learningDifficulty, poverty, disability, illness, work, earlyMarriage, familyCrisis, other")
        let unknown = Bilingual(DropoutCause.unknownMessage("打工"))
        #expect(unknown.zh.hasPrefix("辍学原因“打工”不在可选范围内，可选：厌学、") && unknown.zh.hasSuffix("家庭变故、其他"))
        #expect(unknown.en.hasPrefix("unknown dropout cause “打工”; choose from: weariness,") && unknown.en.hasSuffix("familyCrisis, other"))
    }

    @Test func aCauseGivenTwiceCountsOnce() {
        #expect(DropoutCause.distinct([.work, .poverty, .work]) == [.work, .poverty])
    }

    @Test(arguments: [(3, 4, 75.0), (2, 3, 66.66), (0, 5, 0.0), (7, 6, 116.66)])
    func theRateIsRoundedDown(completers: Int, entrants: Int, rate: Double) {
        let figure = ConsolidationRate(schoolYear: 2026, completers: completers, entrants: entrants, complete: true, historyBegins: nil)
        #expect(figure.rate == rate && figure.entryYear == 2018 && figure.entryBegins == CivilDate(parsing: "2017-09-01"))
    }

    @Test func noRateWithoutHistoryOrEntrants() {
        #expect(ConsolidationRate(schoolYear: 2026, completers: 30, entrants: nil, complete: true, historyBegins: CivilDate(parsing: "2026-11-02")).rate == nil)
        #expect(ConsolidationRate(schoolYear: 2026, completers: 3, entrants: 0, complete: true, historyBegins: nil).rate == nil)
        #expect(ConsolidationRate(schoolYear: 2026, completers: 3, entrants: nil, complete: true, historyBegins: nil).historyCovers == false)
    }

    @Test func aLedgerNamesItsTownshipsBesideTheirCodes() {
        let table = LedgerTable(kind: .dropout, headers: ["案件编号", "乡镇", "乡镇名称", "学校"], rows: [["1", "510123101", "", "2510123001"], ["2", "510123", "", ""], ["3", "510123102", "已填", ""]])
        let named = table.namingTownships(["510123101": "城关镇", "510123102": "金河乡"])
        #expect(named.rows.map { $0[2] } == ["城关镇", "", "已填"], "a county code has no township name; a filled cell is kept")
        let plain = LedgerTable(kind: .dropout, headers: ["乡镇"], rows: [["510123101"]])
        #expect(plain.namingTownships(["510123101": "城关镇"]) == plain, "a table without the name column is returned as it is")
    }
}
