import BaoxueContracts

/// Draws the demo county's students (学生名册) onto a ``DemoCountyLayout``.
///
/// Shares follow what a rural county in western China reports: about 12% of pupils from
/// registered poor households (建档立卡), 6% on subsistence allowance (低保, more often in poor
/// households), 1.5% disabled, 20% left behind (12% by one parent, 8% by both), a quarter boarding
/// (most of them in grades 7–9), and 0.5% without an ID number, tracked by a `J` student number.
/// Of every hundred children, 12 are in a township's kindergarten (小班 to 大班) and 8 in high
/// school (three in four at the general high school, the rest at the vocational school), so every
/// stage of student aid has its children; the rest are in compulsory education.
/// The output is grouped by school, grade and class, as a school exports it.
enum DemoRoster {
    /// Relative size of grades 1–9: births have fallen since the mid-2010s, so lower grades are
    /// smaller.
    private static let gradeWeights = [0.86, 0.90, 0.94, 0.98, 1.0, 1.02, 1.04, 1.04, 1.02]
    /// Shares of the roster in kindergarten and in high school.
    static let preschoolShare = 0.12
    static let highSchoolShare = 0.08
    /// Buckets per school: one per grade of ``SchoolGrade/all``.
    private static let gradesPerSchool = SchoolGrade.all.count

    /// Disability categories by how often special-education rosters list them.
    private static let disabilityWeights: [(Disability, Double)] = [
        (.intellectual, 30), (.physical, 25), (.hearing, 12), (.visual, 10), (.multiple, 10), (.speech, 8),
        (.mental, 5),
    ]

    /// Mobile prefixes of the three carriers (13x, 15x, 18x).
    private static let mobilePrefixes: [[UInt8]] = {
        var prefixes: [Int] = Array(130...139)
        prefixes.append(contentsOf: [150, 151, 152, 153, 155, 156, 157, 158, 159])
        prefixes.append(contentsOf: 180...189)
        return prefixes.map { Array(String($0).utf8) }
    }()

    /// The largest roster the ID sequence space allows comfortably (500 numbers per sex per birth
    /// date over about ten birth years).
    static let maximumStudents = 2_000_000

    /// Draws `count` students onto `layout`'s schools (`schoolCodes` in layout order), for the
    /// school year containing `today`. Every random choice goes through `random`, in a fixed
    /// order, so the roster depends only on the generator's state.
    static func draw(
        count: Int, layout: DemoCountyLayout, schoolCodes: [String], countyCode: String, today: CivilDate,
        random: inout SeededGenerator
    ) -> [StudentRecord] {
        precondition((0...maximumStudents).contains(count), "students must be in 0...\(maximumStudents)")
        precondition(today.year >= 1920, "today must be a date after 1920")
        // The school year starts in September; before that, today belongs to last year's.
        let schoolYear = today.month >= 9 ? today.year : today.year - 1
        let townshipTable = cumulative(layout.townshipWeights)
        let gradeTable = cumulative(gradeWeights)
        let disabilityTable = cumulative(disabilityWeights.map(\.1))
        let choices = schoolChoices(layout)
        // 入学年月: when the child entered the current stage (小班, grade 1, grade 7 or grade 10).
        let enrolledOn: [String] = SchoolGrade.all.map { (grade: Int) -> String in
            String(schoolYear - (grade - stageEntryGrade(grade))) + "-09"
        }
        let region = Array(countyCode.utf8)
        var used = Set<Int>(minimumCapacity: count)
        var buckets = [[DrawnStudent]](repeating: [], count: layout.schools.count * gradesPerSchool)

        for _ in 0..<count {
            let township = pick(townshipTable, &random)
            let stageDraw = random.unit()
            let grade: Int
            if stageDraw < preschoolShare {
                grade = SchoolGrade.kindergarten.lowerBound + random.int(below: SchoolGrade.kindergarten.count)
            } else if stageDraw < preschoolShare + highSchoolShare {
                grade = SchoolGrade.highSchool.lowerBound + random.int(below: SchoolGrade.highSchool.count)
            } else {
                grade = pick(gradeTable, &random) + 1
            }
            let sex: Sex = random.chance(0.515) ? .male : .female
            let disability = random.chance(0.015)
                ? disabilityWeights[pick(disabilityTable, &random)].0 : .none
            let school: Int
            if SchoolGrade.kindergarten.contains(grade) {
                school = layout.kindergartens[township]
            } else if SchoolGrade.highSchool.contains(grade) {
                school = random.chance(0.75) ? layout.seniorSchool : layout.vocationalSchool
            } else if township == 0, disability != .none, let special = layout.specialSchool, random.chance(0.5) {
                school = special
            } else {
                let table = choices[township][grade - 1]
                school = table.schools[pick(table.cumulative, &random)]
            }
            let plan = layout.schools[school]

            // A child in grade g was 6 by 31 August of the year they entered grade 1; a few
            // started a year late.
            let entryYear = schoolYear - (grade - 1) - (random.chance(0.03) ? 1 : 0)
            let first = CivilDate(year: entryYear - 7, month: 9, day: 1)!.dayNumber
            let last = CivilDate(year: entryYear - 6, month: 8, day: 31)!.dayNumber
            let birthDay = first + random.int(below: last - first + 1)
            let birthDate = CivilDate(dayNumber: birthDay)

            let hasIDNumber = !random.chance(0.005)
            let number: String
            while true {
                let sequence = 2 * random.int(below: 500) + (sex == .male ? 1 : 0)
                let key = birthDay * 1000 + sequence
                guard !used.contains(key) else { continue }
                var digits = region
                digits.reserveCapacity(18)
                digits.appendDigits(birthDate.year, width: 4)
                digits.appendDigits(birthDate.month, width: 2)
                digits.appendDigits(birthDate.day, width: 2)
                digits.appendDigits(sequence, width: 3)
                let check = checkByte(digits)
                // A J student number is all digits, so skip bodies whose check character is X.
                if !hasIDNumber, check == UInt8(ascii: "X") { continue }
                used.insert(key)
                digits.append(check)
                number = String(decoding: digits, as: UTF8.self)
                break
            }

            let leftBehindDraw = random.unit()
            let leftBehind: LeftBehindStatus =
                leftBehindDraw < 0.08 ? .bothParents : leftBehindDraw < 0.20 ? .oneParent : .no
            let registeredPoor = random.chance(0.12)
            let subsistence = random.chance(registeredPoor ? 0.3 : 0.027)
            let names = DemoNames.family(sex: sex, leftBehind: leftBehind, random: &random)
            let villages = layout.villages[township]
            let village = plan.village.flatMap { random.chance(0.8) ? $0 : nil } ?? random.int(below: villages.count)
            let attendance: AttendanceMode = random.chance(boardingShare(plan, grade: grade)) ? .boarding : .day
            let student = DrawnStudent(
                name: names.child, sex: sex, birthDate: birthDate, number: number, hasIDNumber: hasIDNumber,
                grade: grade, householdRegion: villages[village].code, attendance: attendance,
                registeredPoor: registeredPoor, subsistence: subsistence, disability: disability,
                leftBehind: leftBehind, guardianName: names.guardian, guardianPhone: phone(&random))
            buckets[school * gradesPerSchool + grade - SchoolGrade.all.lowerBound].append(student)
        }
        return inClasses(buckets, count: count, schoolCodes: schoolCodes, enrolledOn: enrolledOn)
    }

    /// The first grade of `grade`'s stage, which the child entered in September of the year
    /// ``draw`` writes as 入学年月: 小班, grade 1, grade 7 or grade 10.
    static func stageEntryGrade(_ grade: Int) -> Int {
        switch grade {
        case SchoolGrade.kindergarten: SchoolGrade.kindergarten.lowerBound
        case 1...6: 1
        case 7...9: 7
        default: SchoolGrade.highSchool.lowerBound
        }
    }

    /// Orders the roster by school, grade and class, and fills classes evenly up to the national
    /// class-size limits: 25, 30 and 35 children in 小班, 中班 and 大班, 45 pupils in grades 1–6,
    /// 50 in grades 7–12.
    private static func inClasses(
        _ buckets: [[DrawnStudent]], count: Int, schoolCodes: [String], enrolledOn: [String]
    ) -> [StudentRecord] {
        var roster: [StudentRecord] = []
        roster.reserveCapacity(count)
        for (index, bucket) in buckets.enumerated() where !bucket.isEmpty {
            let school = index / gradesPerSchool, grade = index % gradesPerSchool + SchoolGrade.all.lowerBound
            let limit = switch grade {
            case -2: 25
            case -1: 30
            case 0: 35
            case 1...6: 45
            default: 50
            }
            let classes = (bucket.count + limit - 1) / limit
            for classIndex in 0..<classes {
                let className = String(classIndex + 1) + "班"
                for position in stride(from: classIndex, to: bucket.count, by: classes) {
                    roster.append(
                        bucket[position].record(
                            schoolCode: schoolCodes[school], className: className, enrolledOn: enrolledOn[grade - SchoolGrade.all.lowerBound]))
                }
            }
        }
        return roster
    }

    /// Few pupils board near home; many junior pupils board at the township school, fewer in the
    /// county seat; special-school pupils and most high-school students board, kindergarten
    /// children never.
    private static func boardingShare(_ plan: DemoSchoolPlan, grade: Int) -> Double {
        switch plan.type {
        case .special: return 0.7
        case .teachingPoint, .kindergarten: return 0
        case .senior, .vocational: return 0.6
        default: break
        }
        switch grade {
        case 7...9: return plan.isUrban ? 0.3 : 0.62
        case 4...6: return plan.isUrban || plan.village != nil ? 0.05 : 0.2
        default: return plan.isUrban || plan.village != nil ? 0 : 0.03
        }
    }

    /// An 11-digit mobile number.
    private static func phone(_ random: inout SeededGenerator) -> String {
        var digits = random.element(of: mobilePrefixes)
        digits.reserveCapacity(11)
        digits.appendDigits(random.int(below: 100_000_000), width: 8)
        return String(decoding: digits, as: UTF8.self)
    }

    /// For each township and grade, the schools that teach it and their cumulative weights.
    private static func schoolChoices(_ layout: DemoCountyLayout) -> [[(schools: [Int], cumulative: [Double])]] {
        layout.townships.indices.map { township in
            (1...9).map { grade in
                let candidates = layout.schools.indices.filter {
                    layout.schools[$0].township == township && layout.schools[$0].weight(forGrade: grade) > 0
                }
                precondition(!candidates.isEmpty, "township \(township) has no school for grade \(grade)")
                return (candidates, cumulative(candidates.map { layout.schools[$0].weight(forGrade: grade) }))
            }
        }
    }

    private static func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map { total += $0; return total }
    }

    /// Index of a weighted choice from a cumulative table.
    private static func pick(_ cumulative: [Double], _ random: inout SeededGenerator) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static let checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkBytes = Array("10X98765432".utf8)

    /// The ISO 7064 MOD 11-2 check character of 17 ASCII digits: the rule of
    /// ``IDNumber/checkCharacter(for:)``, computed on bytes because going through `Character`
    /// would be a tenth of the generation time. The tests validate every generated number with
    /// ``IDNumber/init(validating:)``, so the two cannot drift apart unnoticed.
    static func checkByte(_ digits: [UInt8]) -> UInt8 {
        var sum = 0
        for index in 0..<17 {
            sum += Int(digits[index] &- 48) * checkWeights[index]
        }
        return checkBytes[sum % 11]
    }
}
