import Testing

@testable import BaoxueContracts

/// Columns hash and compare by case (``ImportColumn``'s `caseTag`): these checks hold that to
/// mean what comparing the names meant, for every column enum the imports use.
@Suite struct ImportColumnTests {
    @Test func everyColumnIsItsOwnKey() {
        expectCasesDistinct(StudentField.self)
        expectCasesDistinct(SchoolField.self)
        expectCasesDistinct(ChangeField.self)
        expectCasesDistinct(LedgerField.self)
        expectCasesDistinct(BankResultField.self)
        expectCasesDistinct(FamilyRosterField.self)
        expectCasesDistinct(AbsenceField.self)
        expectCasesDistinct(RosterField.self)
    }

    @Test func aRowOfEveryColumnKeepsEachValue() {
        let fields = Dictionary(uniqueKeysWithValues: StudentField.allCases.map { ($0, $0.rawValue) })
        #expect(fields.count == StudentField.allCases.count)
        for field in StudentField.allCases {
            #expect(fields[field] == field.rawValue)
        }
        #expect(Set(StudentField.allCases + StudentField.allCases).count == StudentField.allCases.count)
    }

    private func expectCasesDistinct<Column: ImportColumn & RawRepresentable>(_ type: Column.Type) where Column.RawValue == String {
        let cases = Array(Column.allCases)
        #expect(MemoryLayout<Column>.size <= 1, "\(Column.self) must stay a plain enum of fewer than 256 cases")
        #expect(Set(cases.map(\.caseTag)).count == cases.count, "\(Column.self): two cases share a tag")
        for (i, a) in cases.enumerated() {
            for (j, b) in cases.enumerated() {
                #expect((a == b) == (i == j), "\(Column.self).\(a.rawValue) vs .\(b.rawValue)")
            }
        }
    }

    /// A row's cells are kept by ``StudentField/position`` while a record is parsed: each column
    /// has its own place, the one it has in `allCases`.
    @Test func everyStudentColumnHasItsOwnPosition() {
        #expect(StudentField.allCases.map(\.position) == Array(0..<StudentField.allCases.count))
        #expect(StudentField.columnCount == StudentField.allCases.count)
    }
}
