import BaoxueContracts

/// The family lists a demo county's offices would send the subsidy service, derived from the
/// students' own flags without drawing: the poverty office's 建档立卡 list, civil affairs' 低保 and
/// 特困 list, and the disability federation's list, each with the columns a real export has
/// (relationship, household size) and the people a real list holds beside the children: one
/// parent for every fifth listed child (an adult no school holds), and two school-age children
/// the registry does not know (``DemoPopulation``), whom the cross-check must then find.
///
/// Deterministic: the same county gives the same files.
public struct DemoFamilyLists: Sendable {
    public let povertyCSV: String
    public let civilAffairsCSV: String
    public let disabilityCSV: String

    /// The lists as of `listedOn` (a date in or before the county's current term).
    public static func generate(county: DemoCounty, population: DemoPopulation) -> DemoFamilyLists {
        var township: [String: String] = [:]
        for school in county.schools { township[school.code] = school.township }
        let header = ["身份证件号", "姓名", "类别", "户主姓名", "乡镇区划代码", "与户主关系", "家庭人口"]
        var poverty = CSVText(capacity: county.students.count * 8), civil = CSVText(capacity: county.students.count * 4), disability = CSVText(capacity: 4_096)
        func row(_ csv: inout CSVText, _ fields: [String]) {
            for field in fields { csv.field(field) }
            csv.endRow()
        }
        row(&poverty, header)
        row(&civil, header)
        row(&disability, header)
        var listed = 0
        for (index, student) in county.students.enumerated() {
            guard let id = student.idNumber?.value, let place = township[student.schoolCode] else { continue }
            let householder = student.guardianName ?? "户主"
            let size = String(3 + index % 4)
            if student.registeredPoor {
                row(&poverty, [id, student.name, "建档立卡", householder, place, "子女", size])
                listed += 1
                if listed % 5 == 0 { row(&poverty, [Self.parentID(of: id), householder, "建档立卡", householder, place, "户主", size]) }
            }
            if student.subsistence {
                row(&civil, [id, student.name, index % 7 == 0 ? "特困供养" : "城乡低保", householder, place, "子女", size])
            }
            if student.disability != .none {
                row(&disability, [id, student.name, student.disability.rawValue + "残疾", householder, place, "子女", size])
            }
        }
        // Two poor children no school holds: the cross-check's aid-list comparison finds them.
        let known = Set(county.students.compactMap { $0.idNumber?.value })
        let schoolYear = county.today.month >= 9 ? county.today.year : county.today.year - 1
        let window = (String(schoolYear - 16) + "0901", String(schoolYear - 6) + "0831")
        func schoolAge(_ id: String) -> Bool {
            let birth = String(id.dropFirst(6).prefix(8))
            return birth >= window.0 && birth <= window.1
        }
        for child in population.children.lazy.filter({ !known.contains($0.idNumber) && schoolAge($0.idNumber) }).prefix(2) {
            let region = child.householdRegion
            row(&poverty, [child.idNumber, child.name, "建档立卡", child.guardianName, region.utf8.count >= 9 ? String(region.prefix(9)) : region, "子女", "5"])
        }
        return DemoFamilyLists(povertyCSV: poverty.text, civilAffairsCSV: civil.text, disabilityCSV: disability.text)
    }

    /// A parent's ID number for a child's: same region, born 28 years earlier, the same sequence
    /// digits and a valid check character (so the list imports, and matches no child).
    static func parentID(of child: String) -> String {
        let digits = Array(child.utf8)
        let year = Int(String(decoding: digits[6..<10], as: UTF8.self)) ?? 2015
        let first17 = String(decoding: digits[0..<6], as: UTF8.self) + String(year - 28) + String(decoding: digits[10..<17], as: UTF8.self)
        return first17 + String(IDNumber.checkCharacter(for: first17))
    }
}
