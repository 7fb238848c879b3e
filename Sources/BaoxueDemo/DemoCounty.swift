import BaoxueContracts

/// A deterministic synthetic county (县) for demos, tests and benchmarks: townships, villages,
/// schools and a student roster that every service accepts as real input.
///
/// The same `students`, `seed` and `today` always give the same county, byte for byte, on every
/// platform, so `baoxue demo seed --students N --seed S`, `make run`, the tests and the
/// benchmarks can all refer to "the county of seed 1" and mean the same data. Every student
/// passes ``StudentRecord/consistencyProblems()`` and ``StudentRecord/parse(_:)``.
///
/// ```swift
/// let county = DemoCounty.generate(students: 20_000, seed: 7, today: CivilDate(year: 2025, month: 10, day: 8)!)
/// try county.studentsCSV().write(to: url, atomically: true, encoding: .utf8)
/// ```
public struct DemoCounty: Sendable, Equatable {
    /// The 6-digit county division code; every ID number of the demo is registered here.
    public let countyCode: String
    public let countyName: String
    /// The seed the county was generated from.
    public let seed: UInt64
    /// The date the roster describes: grades and ages are those of the school year it falls in.
    public let today: CivilDate
    /// 乡镇, the county seat (城关镇) first.
    public let townships: [DemoTownship]
    /// 村 and 社区 of every township, grouped by township in township order.
    public let villages: [DemoVillage]
    /// Primary and junior schools, nine-year schools, village schools, teaching points, the
    /// county's special-education, vocational and general high schools, and a kindergarten in
    /// every township.
    public let schools: [SchoolRecord]
    /// The roster, grouped by school, grade and class.
    public let students: [StudentRecord]

    /// The county code used unless the caller has a reason to choose another.
    public static let defaultCountyCode = "510123"
    public static let defaultCountyName = "青禾县"

    /// Township code → name, for services that show township names next to codes.
    public var townshipNames: [String: String] {
        Dictionary(uniqueKeysWithValues: townships.map { ($0.code, $0.name) })
    }

    /// Generates the county.
    ///
    /// - Parameters:
    ///   - students: Roster size, 0 to 2,000,000. About one township per 2,000 students (3 to
    ///     30) and one school per 240.
    ///   - seed: Any value; each gives a different county.
    ///   - today: Grades, ages and enrolment years are computed for the school year containing
    ///     this date (a school year starts on 1 September).
    ///   - countyCode: The county's six-digit division code; every township, school and ID
    ///     number is made from it, so counties with different codes never share one (how
    ///     `bench scale` builds a province of several counties).
    public static func generate(students: Int, seed: UInt64 = 1, today: CivilDate, countyCode: String = defaultCountyCode, countyName: String = defaultCountyName) -> DemoCounty {
        precondition((0...DemoRoster.maximumStudents).contains(students), "students must be in 0...\(DemoRoster.maximumStudents)")
        precondition(countyCode.utf8.count == 6 && countyCode.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "countyCode must be six digits")
        var random = SeededGenerator(seed: seed)
        let layout = DemoCountyLayout(countyCode: countyCode, countyName: countyName, students: students, random: &random)
        let schools = layout.schoolRecords(countyCode: countyCode)
        let roster = DemoRoster.draw(
            count: students, layout: layout, schoolCodes: schools.map(\.code), countyCode: countyCode, today: today,
            random: &random)
        return DemoCounty(
            countyCode: countyCode, countyName: countyName, seed: seed, today: today, townships: layout.townships,
            villages: layout.villages.flatMap { $0 }, schools: schools, students: roster)
    }

    /// The schools file, headed `学校标识码,学校名称,学校类型,乡镇区划代码,乡镇名称`.
    public func schoolsCSV() -> String {
        var csv = CSVText(capacity: 64 * (schools.count + 1))
        for field in SchoolField.allCases { csv.field(field.header) }
        csv.endRow()
        for school in schools {
            for field in SchoolField.allCases {
                switch field {
                case .code: csv.field(school.code)
                case .name: csv.field(school.name)
                case .type: csv.field(school.type.rawValue)
                case .township: csv.field(school.township)
                case .townshipName: csv.field(school.townshipName ?? "")
                }
            }
            csv.endRow()
        }
        return csv.text
    }

    /// The student roster in the national roster's columns (``StudentField`` order and headers),
    /// flags as 是/否, empty fields for absent values.
    /// `including` keeps only some children: `bench alerts --school-import` holds a school back
    /// from the county's file and imports it on its own later.
    public func studentsCSV(including: (StudentRecord) -> Bool = { _ in true }) -> String {
        var csv = CSVText(capacity: 220 * (students.count + 1))
        for field in StudentField.ownLayout { csv.field(field.header) }
        csv.endRow()
        for student in students where including(student) {
            for field in StudentField.ownLayout {
                switch field {
                case .name: csv.field(student.name)
                case .sex: csv.field(student.sex.label)
                case .birthDate: csv.field(student.birthDate)
                case .idNumber: csv.field(student.idNumber?.value ?? "")
                case .studentNumber: csv.field(student.studentNumber.value)
                case .schoolCode: csv.field(student.schoolCode)
                // The kindergarten classes by name (小班), as a 幼儿园's export writes them.
                case .grade: if student.grade > 0 { csv.field(student.grade) } else { csv.field(SchoolGrade.label(student.grade, .zh)) }
                case .className: csv.field(student.className ?? "")
                case .enrolledOn: csv.field(student.enrolledOn ?? "")
                case .householdRegion: csv.field(student.householdRegion ?? "")
                case .attendance: csv.field(student.attendance.rawValue)
                case .registeredPoor: csv.field(student.registeredPoor ? "是" : "否")
                case .subsistence: csv.field(student.subsistence ? "是" : "否")
                case .disability: csv.field(student.disability.rawValue)
                case .leftBehind: csv.field(student.leftBehind.rawValue)
                case .guardianName: csv.field(student.guardianName ?? "")
                case .guardianPhone: csv.field(student.guardianPhone ?? "")
                case .householdType: csv.field(student.householdType?.rawValue ?? "")
                case .orphan: csv.field(student.orphan ? "是" : "否")
                case .unattended: csv.field(student.unattended ? "是" : "否")
                case .idType, .member1Name, .member1Phone, .member1Guardian, .member2Name, .member2Phone, .member2Guardian: break
                }
            }
            csv.endRow()
        }
        return csv.text
    }
}
