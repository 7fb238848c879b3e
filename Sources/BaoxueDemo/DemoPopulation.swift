import BaoxueContracts

/// A synthetic household-registration roster (户籍适龄人口名单) for a demo county, as public
/// security would hand it to the county: every student who has an ID number, plus children the
/// registry does not know: some of compulsory-school age (whom the cross-check must find) and
/// some younger or older (whom it must leave alone).
///
/// Deterministic like ``DemoCounty``: the same county, counts and seed give the same file. Every
/// extra child gets a valid ID number (check character included) registered in the county,
/// distinct from every student's, and a household in one of the county's villages; a share of
/// them only at county level (a 6-digit code), as real rosters have.
public struct DemoPopulation: Sendable {
    /// Rows of the roster: name, ID number, household region, guardian, phone.
    public struct Child: Sendable, Equatable {
        public var name: String
        public var idNumber: String
        public var householdRegion: String
        public var guardianName: String
        public var guardianPhone: String
    }

    public let children: [Child]
    /// How many of the extra children are of compulsory-school age (and unknown to the registry).
    public let schoolAgeNotEnrolled: Int

    /// Builds the roster.
    ///
    /// - Parameters:
    ///   - county: the students come from here, and the extra children's villages.
    ///   - extraSchoolAge: children of compulsory-school age the registry does not know.
    ///   - extraOutOfAge: children aged 0–5 or 16–17 the registry does not know.
    ///   - countyLevelShare: the share of extra children whose household has only the county code.
    public static func generate(county: DemoCounty, extraSchoolAge: Int, extraOutOfAge: Int, countyLevelShare: Double = 0.05, seed: UInt64 = 1) -> DemoPopulation {
        var random = SeededGenerator(seed: seed ^ 0x5EED_F00D)
        var children: [Child] = []
        children.reserveCapacity(county.students.count + extraSchoolAge + extraOutOfAge)
        var used = Set<Int>(minimumCapacity: county.students.count + extraSchoolAge + extraOutOfAge)
        for student in county.students {
            guard let id = student.idNumber else { continue }  // no ID number: not on a household roster
            let digits = Array(id.value.utf8)
            used.insert(student.birthDate.dayNumber * 1000 + digits[14...16].reduce(0) { $0 * 10 + Int($1 - 48) })
            children.append(Child(
                name: student.name, idNumber: id.value, householdRegion: student.householdRegion ?? county.countyCode,
                guardianName: student.guardianName ?? "", guardianPhone: student.guardianPhone ?? ""))
        }
        let schoolYear = county.today.month >= 9 ? county.today.year : county.today.year - 1
        let schoolAge = (CivilDate(year: schoolYear - 16, month: 9, day: 1)!.dayNumber, CivilDate(year: schoolYear - 6, month: 8, day: 31)!.dayNumber)
        let young = (schoolAge.1 + 1, county.today.dayNumber)
        let old = (CivilDate(year: schoolYear - 18, month: 9, day: 1)!.dayNumber, schoolAge.0 - 1)
        let region = Array(county.countyCode.utf8)
        for index in 0..<(extraSchoolAge + extraOutOfAge) {
            let range = index < extraSchoolAge ? schoolAge : (random.chance(0.5) ? young : old)
            let sex: Sex = random.chance(0.515) ? .male : .female
            var idNumber = ""
            while true {
                let day = range.0 + random.int(below: range.1 - range.0 + 1)
                let sequence = 2 * random.int(below: 500) + (sex == .male ? 1 : 0)
                guard used.insert(day * 1000 + sequence).inserted else { continue }
                let birth = CivilDate(dayNumber: day)
                var digits = region
                digits.reserveCapacity(18)
                digits.appendDigits(birth.year, width: 4)
                digits.appendDigits(birth.month, width: 2)
                digits.appendDigits(birth.day, width: 2)
                digits.appendDigits(sequence, width: 3)
                digits.append(DemoRoster.checkByte(digits))
                idNumber = String(decoding: digits, as: UTF8.self)
                break
            }
            let names = DemoNames.family(sex: sex, leftBehind: random.chance(0.2) ? .oneParent : .no, random: &random)
            let household = random.chance(countyLevelShare) ? county.countyCode : random.element(of: county.villages).code
            var phone = Array("13".utf8)
            phone.appendDigits(random.int(below: 1_000_000_000), width: 9)
            children.append(Child(name: names.child, idNumber: idNumber, householdRegion: household, guardianName: names.guardian, guardianPhone: String(decoding: phone, as: UTF8.self)))
        }
        // Public security's export is ordered by household, not by school: shuffle it so the
        // import sees the registry's children scattered through the file.
        for index in stride(from: children.count - 1, to: 0, by: -1) {
            children.swapAt(index, random.int(below: index + 1))
        }
        return DemoPopulation(children: children, schoolAgeNotEnrolled: extraSchoolAge)
    }

    /// The roster file, headed `姓名,身份证件号,户籍地区划代码,监护人姓名,监护人电话` (UTF-8, CRLF).
    public func rosterCSV() -> String {
        var csv = CSVText(capacity: 80 * (children.count + 1))
        for field in RosterField.allCases { csv.field(field.header) }
        csv.endRow()
        for child in children {
            csv.field(child.name)
            csv.field(child.idNumber)
            csv.field(child.householdRegion)
            csv.field(child.guardianName)
            csv.field(child.guardianPhone)
            csv.endRow()
        }
        return csv.text
    }
}
