import BaoxueContracts
import BaoxueDemo
import Testing

/// The demo county's civil-affairs ledger: what `baoxue demo seed --load` imports into the care
/// service, so every flagged child appears once, under the ledger's own headers, the same each time.
@Suite struct DemoCountyCareTests {
    static let county = DemoCountyTests.county

    @Test func everyFlaggedChildIsOnTheSheetOnceUnderLedgerHeaders() {
        let rows = DemoCountyCSVTests.rows(Self.county.careLedgerCSV())
        #expect(rows[0].allSatisfy { LedgerField(header: $0) != nil })
        let flagged = Self.county.students.filter { $0.leftBehind != .no }
        #expect(rows.count - 1 == flagged.count)
        let name = rows[0].firstIndex(of: LedgerField.name.header)!
        #expect(rows.dropFirst().map { $0[name] } == flagged.map(\.name))
        #expect(rows.dropFirst().allSatisfy { $0.count == rows[0].count })
    }

    @Test func bothDefinitionsAppear() {
        // Given: 单亲留守 children whose mother is at home (not left behind by civil affairs'
        // definition) and ones whose mother cannot care for them (left behind), as counties have.
        let rows = DemoCountyCSVTests.rows(Self.county.careLedgerCSV())
        let mother = rows[0].firstIndex(of: LedgerField.motherSituation.header)!
        let situations = Set(rows.dropFirst().map { $0[mother] })
        #expect(situations == ["外出务工", "在家", "无监护能力"])
    }

    @Test func sameCountySameSheet() {
        #expect(Self.county.careLedgerCSV() == DemoCounty.generate(students: 20_000, seed: 7, today: DemoCountyTests.today).careLedgerCSV())
    }
}
