import BaoxueContracts
import BaoxueDemo
import Testing

/// The demo's family lists read as the subsidy import reads them: every row valid for its office,
/// every column known (kept or listed as not kept), the same county giving the same files.
@Suite struct DemoFamilyListsTests {
    static func rows(_ csv: String) -> (header: [String], rows: [[String]]) {
        let lines = csv.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    @Test func everyRowIsValidForItsOfficeAndEveryColumnKnown() {
        let county = DemoCounty.generate(students: 3_000, seed: 1, today: CivilDate(parsing: "2026-11-02")!)
        let population = DemoPopulation.generate(county: county, extraSchoolAge: 15, extraOutOfAge: 30, seed: 1)
        let lists = DemoFamilyLists.generate(county: county, population: population)
        #expect(lists.povertyCSV == DemoFamilyLists.generate(county: county, population: population).povertyCSV, "deterministic")
        for (source, csv) in [(RosterSource.poverty, lists.povertyCSV), (.civilAffairs, lists.civilAffairsCSV), (.disability, lists.disabilityCSV)] {
            let (header, rows) = Self.rows(csv)
            for name in header {
                #expect(FamilyRosterField(header: name) != nil || FamilyRosterField.unusedHeaders.contains(FamilyRosterField.headerKey(name)), "\(source): \(name)")
            }
            #expect(rows.count > 10, "\(source) has people")
            for row in rows {
                var fields: [FamilyRosterField: String] = [:]
                for (name, value) in zip(header, row) { if let field = FamilyRosterField(header: name) { fields[field] = value } }
                if case .failure(let problems) = FamilyRosterRow.parse(fields, source: source) {
                    Issue.record("\(source) \(row): \(problems.problems)")
                }
            }
        }
        // Parents (no child of school age) and two school-age children no school holds.
        let known = Set(county.students.compactMap { $0.idNumber?.value })
        let unknown = Self.rows(lists.povertyCSV).rows.filter { !known.contains($0[0]) }
        #expect(unknown.filter { $0[5] == "子女" }.count == 2 && unknown.count > 2)
    }
}
