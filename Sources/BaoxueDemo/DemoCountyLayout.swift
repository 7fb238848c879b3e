import BaoxueContracts

/// The geography of the demo county: townships, their villages and their schools, sized for the
/// number of students to come.
///
/// About one township per 2,000 students (3 to 30) and one school per about 240 students, so a
/// small demo still has every kind of place and a large one has realistic school sizes. Past
/// roughly 200,000 students the counts stop growing (30 townships, at most 30 villages each,
/// school codes up to 999) and schools grow instead.
struct DemoCountyLayout: Sendable {
    var townships: [DemoTownship] = []
    /// Villages by township index.
    var villages: [[DemoVillage]] = []
    /// Relative share of the county's pupils; the county seat (index 0) is the largest.
    var townshipWeights: [Double] = []
    var schools: [DemoSchoolPlan] = []
    /// The county special-education school, which takes some disabled pupils of the county seat.
    var specialSchool: Int?
    /// The county's high schools: the general one (高级中学) and the vocational one (职业中学).
    var seniorSchool = 0
    var vocationalSchool = 0
    /// Each township's kindergarten, by township index.
    var kindergartens: [Int] = []

    /// Pupils per school the layout aims at.
    static let studentsPerSchool = 240.0

    init(countyCode: String, countyName: String, students: Int, random: inout SeededGenerator) {
        let count = min(DemoNames.townships.count, max(3, Int((Double(students) / 2000).rounded())))
        var towns = 0, rural = 0
        for index in 0..<count {
            let name = DemoNames.townships[index]
            let number: Int
            if name.hasSuffix("镇") {
                towns += 1
                number = 100 + towns
            } else {
                rural += 1
                number = 200 + rural
            }
            townships.append(DemoTownship(code: countyCode + String(number), name: name))
            townshipWeights.append(index == 0 ? 2.5 : 0.7 + 0.6 * random.unit())
        }
        let totalWeight = townshipWeights.reduce(0, +)
        for index in townships.indices {
            let expected = Double(students) * townshipWeights[index] / totalWeight
            let schoolCount = Int((expected / Self.studentsPerSchool).rounded())
            if index == 0 {
                addCountySeat(countyName: countyName, schoolCount: schoolCount, random: &random)
            } else {
                addRuralTownship(index, schoolCount: schoolCount, random: &random)
            }
        }
        specialSchool = schools.count
        schools.append(
            DemoSchoolPlan(
                name: countyName + "特殊教育学校", type: .special, township: 0, village: nil,
                primaryWeight: 0, juniorWeight: 0, isUrban: true))
        vocationalSchool = schools.count
        schools.append(
            DemoSchoolPlan(
                name: countyName + "职业中学", type: .vocational, township: 0, village: nil,
                primaryWeight: 0, juniorWeight: 0, isUrban: true))
        ensureVillageSchoolKinds()
        // The other stages come last, so the compulsory schools keep their codes: a general high
        // school in the county seat, and a central kindergarten (中心幼儿园) in every township.
        seniorSchool = schools.count
        schools.append(
            DemoSchoolPlan(
                name: countyName + "第一高级中学", type: .senior, township: 0, village: nil,
                primaryWeight: 0, juniorWeight: 0, isUrban: true))
        for (index, township) in townships.enumerated() {
            kindergartens.append(schools.count)
            schools.append(
                DemoSchoolPlan(
                    name: township.name + "中心幼儿园", type: .kindergarten, township: index, village: nil,
                    primaryWeight: 0, juniorWeight: 0, isUrban: index == 0))
        }
    }

    /// The schools file: codes are `2` + county code + a 3-digit number in layout order.
    func schoolRecords(countyCode: String) -> [SchoolRecord] {
        schools.enumerated().map { index, plan in
            let number = String(index + 1)
            let code = "2" + countyCode + String(repeating: "0", count: max(0, 3 - number.count)) + number
            return SchoolRecord(code: code, name: plan.name, type: plan.type, township: townships[plan.township].code, townshipName: townships[plan.township].name)
        }
    }

    /// 城关镇: urban communities and a few villages; a central primary school, a junior school,
    /// the county's experimental nine-year school, then further numbered primary and junior
    /// schools as the pupils require.
    private mutating func addCountySeat(countyName: String, schoolCount: Int, random: inout SeededGenerator) {
        let township = townships[0]
        var places: [DemoVillage] = []
        for (offset, name) in DemoNames.communities.prefix(4 + random.int(below: 5)).enumerated() {
            places.append(DemoVillage(code: township.code + "00" + String(offset + 1), name: name, townshipCode: township.code))
        }
        var stems = DemoNames.villageStems
        shuffle(&stems, random: &random)
        for (offset, stem) in stems.prefix(3 + random.int(below: 3)).enumerated() {
            places.append(DemoVillage(code: township.code + "20" + String(offset + 1), name: stem + "村", townshipCode: township.code))
        }
        villages.append(places)

        func add(_ name: String, _ type: SchoolType, primary: Double, junior: Double) {
            schools.append(
                DemoSchoolPlan(
                    name: name, type: type, township: 0, village: nil, primaryWeight: primary, juniorWeight: junior,
                    isUrban: true))
        }
        add(township.name + "中心小学", .primary, primary: 5, junior: 0)
        add(township.name + "初级中学", .junior, primary: 0, junior: 5)
        let extras = min(24, max(0, schoolCount - 2))
        var primaries = 1, juniors = 0
        for extra in 0..<extras {
            if extra == 0 {
                add(countyName + "实验学校", .nineYear, primary: 3, junior: 2)
            } else if extra % 3 == 0 {
                juniors += 1
                add(countyName + "第" + DemoNames.numeral(juniors) + "中学", .junior, primary: 0, junior: 4)
            } else {
                primaries += 1
                add(township.name + "第" + DemoNames.numeral(primaries) + "小学", .primary, primary: 4, junior: 0)
            }
        }
    }

    /// A rural township: villages, a central primary school, a junior school (every third
    /// township a nine-year school instead), and village primary schools and teaching points.
    private mutating func addRuralTownship(_ index: Int, schoolCount: Int, random: inout SeededGenerator) {
        let township = townships[index]
        let villageSchools = min(28, max(1, schoolCount - 2))
        let villageCount = min(30, villageSchools + 2 + random.int(below: 3))
        var stems = DemoNames.villageStems
        shuffle(&stems, random: &random)
        villages.append(
            stems.prefix(villageCount).enumerated().map { offset, stem in
                let number = 201 + offset
                return DemoVillage(code: township.code + String(number), name: stem + "村", townshipCode: township.code)
            })

        func add(_ name: String, _ type: SchoolType, village: Int? = nil, primary: Double, junior: Double) {
            schools.append(
                DemoSchoolPlan(
                    name: name, type: type, township: index, village: village, primaryWeight: primary,
                    juniorWeight: junior, isUrban: false))
        }
        add(township.name + "中心小学", .primary, primary: 5, junior: 0)
        if index % 3 == 2 {
            add(township.name + "九年一贯制学校", .nineYear, primary: 3, junior: 1)
        } else {
            add(township.name + "初级中学", .junior, primary: 0, junior: 1)
        }
        for village in 0..<villageSchools {
            let place = villages[index][village].name
            if random.chance(0.35) {
                add(township.name + place + "教学点", .teachingPoint, village: village, primary: 0.3 + 0.4 * random.unit(), junior: 0)
            } else {
                add(township.name + place + "小学", .primary, village: village, primary: 0.6 + random.unit(), junior: 0)
            }
        }
    }

    /// Makes sure the county has at least one village primary school and one teaching point, so
    /// that screens and rules for both are always exercised whatever the seed.
    private mutating func ensureVillageSchoolKinds() {
        let villageSchools = schools.indices.filter { schools[$0].village != nil }
        guard villageSchools.count >= 2 else { return }
        let teachingPoints = villageSchools.filter { schools[$0].type == .teachingPoint }
        if teachingPoints.isEmpty {
            convert(villageSchools.last!, to: .teachingPoint)
        } else if teachingPoints.count == villageSchools.count {
            convert(villageSchools.first!, to: .primary)
        }
    }

    private mutating func convert(_ index: Int, to type: SchoolType) {
        let plan = schools[index]
        let place = villages[plan.township][plan.village!].name
        schools[index].type = type
        schools[index].name = townships[plan.township].name + place + (type == .teachingPoint ? "教学点" : "小学")
    }

    /// Fisher–Yates with the seeded generator (the standard library's `shuffle(using:)` does not
    /// promise a fixed algorithm).
    private func shuffle<T>(_ array: inout [T], random: inout SeededGenerator) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(index, random.int(below: index + 1))
        }
    }
}
