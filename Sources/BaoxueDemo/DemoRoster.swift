import BaoxueContracts

/// Draws the demo county's students (学生名册) onto a ``DemoCountyLayout``.
///
/// Shares follow what a rural county in western China reports: about 12% of pupils from
/// registered poor households (建档立卡), 6% on subsistence allowance (低保, more often in poor
/// households), 1.5% disabled, 20% left behind (12% by one parent, 8% by both), a quarter boarding
/// (most of them in grades 7–9), and 0.5% without an ID number, tracked by a `J` student number.
/// The output is grouped by school, grade and class, as a school exports it.
enum DemoRoster {
    /// Relative size of grades 1–9: births have fallen since the mid-2010s, so lower grades are
    /// smaller.
    private static let gradeWeights = [0.86, 0.90, 0.94, 0.98, 1.0, 1.02, 1.04, 1.04, 1.02]

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
        // 入学年月: when the child entered the current stage (grade 1, or grade 7 for 7–9).
        let enrolledOn: [String] = (1...9).map { (grade: Int) -> String in
            let stageEntry = grade <= 6 ? schoolYear - (grade - 1) : schoolYear - (grade - 7)
            return String(stageEntry) + "-09"
        }
        let region = Array(countyCode.utf8)
        var used = Set<Int>(minimumCapacity: count)
        var buckets = [[DrawnStudent]](repeating: [], count: layout.schools.count * 9)

        for _ in 0..<count {
            let township = pick(townshipTable, &random)
            let grade = pick(gradeTable, &random) + 1
            let sex: Sex = random.chance(0.515) ? .male : .female
            let disability = random.chance(0.015)
                ? disabilityWeights[pick(disabilityTable, &random)].0 : .none
            let school: Int
            if township == 0, disability != .none, let special = layout.specialSchool, random.chance(0.5) {
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
            buckets[school * 9 + grade - 1].append(student)
        }
        return inClasses(buckets, count: count, schoolCodes: schoolCodes, enrolledOn: enrolledOn)
    }

    /// Orders the roster by school, grade and class, and fills classes of at most 45 pupils
    /// (grades 1–6) or 50 (grades 7–9), the national class-size limits, evenly.
    private static func inClasses(
        _ buckets: [[DrawnStudent]], count: Int, schoolCodes: [String], enrolledOn: [String]
    ) -> [StudentRecord] {
        var roster: [StudentRecord] = []
        roster.reserveCapacity(count)
        for (index, bucket) in buckets.enumerated() where !bucket.isEmpty {
            let school = index / 9, grade = index % 9 + 1
            let limit = grade <= 6 ? 45 : 50
            let classes = (bucket.count + limit - 1) / limit
            for classIndex in 0..<classes {
                let className = String(classIndex + 1) + "班"
                for position in stride(from: classIndex, to: bucket.count, by: classes) {
                    roster.append(
                        bucket[position].record(
                            schoolCode: schoolCodes[school], className: className, enrolledOn: enrolledOn[grade - 1]))
                }
            }
        }
        return roster
    }

    /// Few pupils board near home; many junior pupils board at the township school, fewer in the
    /// county seat; special-school pupils mostly board.
    private static func boardingShare(_ plan: DemoSchoolPlan, grade: Int) -> Double {
        switch plan.type {
        case .special: return 0.7
        case .teachingPoint: return 0
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
