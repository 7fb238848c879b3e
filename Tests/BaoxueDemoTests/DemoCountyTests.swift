import BaoxueContracts
import BaoxueDemo
import Testing

@Suite struct DemoCountyTests {
    static let today = CivilDate(year: 2025, month: 10, day: 8)!
    /// One county shared by the tests that only read it: generation is the slow part of a debug
    /// build.
    static let county = DemoCounty.generate(students: 20_000, seed: 7, today: today)

    // MARK: Determinism

    @Test func sameSeedAndSizeGiveByteIdenticalFiles() {
        let first = DemoCounty.generate(students: 3_000, seed: 3, today: Self.today)
        let second = DemoCounty.generate(students: 3_000, seed: 3, today: Self.today)
        #expect(first == second)
        #expect(first.studentsCSV() == second.studentsCSV())
        #expect(first.schoolsCSV() == second.schoolsCSV())
    }

    @Test func anotherSeedGivesAnotherCounty() {
        let first = DemoCounty.generate(students: 3_000, seed: 3, today: Self.today)
        let other = DemoCounty.generate(students: 3_000, seed: 4, today: Self.today)
        #expect(first.studentsCSV() != other.studentsCSV())
        #expect(other.students.count == 3_000)
    }

    @Test func theDefaultSeedIsOne() {
        let implicit = DemoCounty.generate(students: 500, today: Self.today)
        #expect(implicit == DemoCounty.generate(students: 500, seed: 1, today: Self.today))
        #expect(implicit.seed == 1)
    }

    // MARK: Geography

    @Test(arguments: [(0, 3), (1_000, 3), (9_000, 5), (20_000, 10)])
    func townshipCountScalesWithStudents(students: Int, townships: Int) {
        let county = students == 20_000 ? Self.county : DemoCounty.generate(students: students, today: Self.today)
        #expect(county.townships.count == townships)
        #expect(county.students.count == students)
    }

    @Test func townshipsAndVillagesCarryNestedCodes() {
        let county = Self.county
        #expect(county.countyCode.count == 6)
        #expect(county.townships.first?.name == "城关镇")
        #expect(county.townships.first?.code == county.countyCode + "101")
        #expect(Set(county.townships.map(\.code)).count == county.townships.count)
        #expect(Set(county.townships.map(\.name)).count == county.townships.count)
        for township in county.townships {
            #expect(DivisionCode(township.code, level: .township) != nil)
            #expect(township.code.hasPrefix(county.countyCode))
            #expect(county.townshipNames[township.code] == township.name)
            let villages = county.villages.filter { $0.townshipCode == township.code }
            #expect(villages.count >= 3)
            #expect(Set(villages.map(\.name)).count == villages.count)
        }
        #expect(county.townshipNames.count == county.townships.count)
        #expect(Set(county.villages.map(\.code)).count == county.villages.count)
        for village in county.villages {
            #expect(DivisionCode(village.code, level: .village) != nil)
            #expect(village.code.hasPrefix(village.townshipCode))
            #expect(village.name.hasSuffix("村") || village.name.hasSuffix("社区"))
        }
    }

    @Test func schoolsAreValidUniqueAndOfEveryKind() {
        let county = Self.county
        let townshipCodes = Set(county.townships.map(\.code))
        #expect(Set(county.schools.map(\.code)).count == county.schools.count)
        #expect(Set(county.schools.map(\.name)).count == county.schools.count)
        for school in county.schools {
            #expect(school.code.count == 10 && school.code.allSatisfy { $0.isASCII && $0.isNumber })
            #expect(townshipCodes.contains(school.township))
        }
        let types = Set(county.schools.map(\.type))
        for type in [SchoolType.primary, .junior, .nineYear, .teachingPoint, .special, .vocational, .senior, .kindergarten] {
            #expect(types.contains(type), "no \(type.rawValue)")
        }
        let names = county.schools.map(\.name)
        #expect(names.contains { $0.hasSuffix("中心小学") })
        #expect(names.contains { $0.hasSuffix("村小学") })
        #expect(names.contains { $0.hasSuffix("村教学点") })
        #expect(names.contains { $0.hasSuffix("初级中学") })
        #expect(names.contains { $0.hasSuffix("九年一贯制学校") })
        #expect(names.contains(county.countyName + "特殊教育学校"))
        #expect(names.contains(county.countyName + "职业中学"))
        #expect(names.contains(county.countyName + "第一高级中学"))
        for township in county.townships {
            #expect(county.schools.contains { $0.township == township.code && $0.type == .kindergarten && $0.name == township.name + "中心幼儿园" })
        }
        let perSchool = Double(county.students.count) / Double(county.schools.count)
        #expect((150...300).contains(perSchool), "\(perSchool) students per school")
    }

    @Test func aTinyCountyStillHasEveryKindOfPlace() {
        let county = DemoCounty.generate(students: 10, seed: 2, today: Self.today)
        #expect(county.townships.count == 3)
        let types = Set(county.schools.map(\.type))
        #expect(types.isSuperset(of: [.primary, .teachingPoint, .special, .vocational, .senior, .kindergarten]))
        #expect(county.students.allSatisfy { $0.consistencyProblems().isEmpty })
    }

    // MARK: Students

    @Test func everyStudentIsConsistentAndUnique() {
        let students = Self.county.students
        #expect(students.count == 20_000)
        let inconsistent = students.filter { !$0.consistencyProblems().isEmpty }
        #expect(inconsistent.isEmpty, "\(inconsistent.prefix(3).map(\.name))")
        #expect(Set(students.map(\.identityKey)).count == students.count)
        #expect(Set(students.map(\.studentNumber)).count == students.count)
    }

    @Test func everyStudentIsInAnExistingSchoolThatTeachesTheGrade() {
        let county = Self.county
        let schools = Dictionary(uniqueKeysWithValues: county.schools.map { ($0.code, $0) })
        let villages = Dictionary(uniqueKeysWithValues: county.villages.map { ($0.code, $0) })
        for student in county.students {
            guard let school = schools[student.schoolCode] else {
                Issue.record("unknown school \(student.schoolCode)")
                continue
            }
            let grades: ClosedRange<Int> =
                switch school.type {
                case .teachingPoint: 1...3
                case .special: 1...9
                default: school.type.grades
                }
            #expect(grades.contains(student.grade), "grade \(student.grade) in \(school.name)")
            let village = student.householdRegion.flatMap { villages[$0] }
            // The county's high schools, in the county seat, take students from every township.
            if SchoolGrade.highSchool.contains(student.grade) {
                #expect(village?.townshipCode.hasPrefix(county.countyCode) == true)
            } else {
                #expect(village?.townshipCode == school.township, "household outside the school's township")
            }
            #expect(student.className.map { $0.hasSuffix("班") && Int($0.dropLast()) != nil } == true)
        }
        #expect(county.students.contains { $0.className == "2班" })
    }

    @Test func idNumbersValidateAndAgreeWithTheRecord() throws {
        let county = Self.county
        for student in county.students {
            if let idNumber = student.idNumber {
                let revalidated = try IDNumber(validating: idNumber.value)
                #expect(revalidated == idNumber)
                #expect(idNumber.region == county.countyCode)
                #expect(idNumber.birthDate == student.birthDate)
                #expect(idNumber.sex == student.sex)
                #expect(student.studentNumber.value == "G" + idNumber.value)
                #expect(student.studentNumber.kind == .identity)
            } else {
                let number = student.studentNumber.value
                #expect(student.studentNumber.kind == .noIdentity)
                #expect(number.count == 19 && number.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
                #expect(number.dropFirst().prefix(6) == Substring(county.countyCode))
                let birth = student.birthDate.description.filter { $0 != "-" }
                #expect(number.dropFirst(7).prefix(8) == Substring(birth))
                _ = try StudentNumber(validating: number)
            }
        }
    }

    @Test(arguments: [
        (CivilDate(year: 2025, month: 10, day: 8)!, 2025),
        (CivilDate(year: 2026, month: 5, day: 20)!, 2025),
        (CivilDate(year: 2026, month: 9, day: 1)!, 2026),
    ])
    func agesAndEnrolmentYearsFitGrades(today: CivilDate, schoolYear: Int) {
        // Given: a county on `today`, which falls in the school year starting in `schoolYear`.
        let county = today == Self.today ? Self.county : DemoCounty.generate(students: 3_000, seed: 5, today: today)
        let cutoff = CivilDate(year: schoolYear, month: 8, day: 31)!
        var late = 0
        for student in county.students {
            // Then: a child in grade g was 6 by 31 August of the year they entered grade 1, so is
            // 5 + g by 31 August of this school year (6 + g if they started a year late).
            let age = student.birthDate.age(on: cutoff)
            // 小班 (-2) children are 3, 高一 (10) students 15 or 16.
            #expect((5 + student.grade)...(6 + student.grade) ~= age, "grade \(student.grade), age \(age)")
            if age == 6 + student.grade { late += 1 }
            let firstOfStage = switch student.grade {
            case ...0: -2
            case 1...6: 1
            case 7...9: 7
            default: 10
            }
            let stageEntry = schoolYear - student.grade + firstOfStage
            #expect(student.enrolledOn == "\(stageEntry)-09")
        }
        #expect(late < county.students.count / 10)
    }

    @Test func sharesAreRoughlyAsSpecified() {
        let students = Self.county.students
        func share(_ predicate: (StudentRecord) -> Bool) -> Double {
            Double(students.count(where: predicate)) / Double(students.count)
        }
        #expect((0.10...0.14).contains(share(\.registeredPoor)))
        #expect((0.045...0.075).contains(share(\.subsistence)))
        #expect((0.010...0.020).contains(share { $0.disability != .none }))
        #expect(Set(students.map(\.disability)).count >= 6)
        #expect((0.10...0.14).contains(share { $0.leftBehind == .oneParent }))
        #expect((0.065...0.095).contains(share { $0.leftBehind == .bothParents }))
        #expect((0.20...0.30).contains(share { $0.attendance == .boarding }))
        #expect((0.002...0.009).contains(share { $0.idNumber == nil }))
        #expect((0.48...0.55).contains(share { $0.sex == .male }))
        // Boarders are mostly junior pupils.
        let boarders = students.filter { $0.attendance == .boarding }
        #expect(Double(boarders.count(where: { $0.grade >= 7 })) / Double(boarders.count) > 0.6)
        // Every stage has its children: 12% in kindergarten, 8% in high school, and each of the
        // nine compulsory grades about a ninth of the rest.
        #expect((0.10...0.14).contains(share { SchoolGrade.kindergarten.contains($0.grade) }))
        #expect((0.065...0.095).contains(share { SchoolGrade.highSchool.contains($0.grade) }))
        for grade in SchoolGrade.all where grade < 1 || grade > 9 {
            #expect(students.contains { $0.grade == grade }, "grade \(grade)")
        }
        let compulsory = students.filter { SchoolGrade.compulsory.contains($0.grade) }
        for grade in 1...9 {
            let gradeShare = Double(compulsory.count(where: { $0.grade == grade })) / Double(compulsory.count)
            #expect((0.08...0.14).contains(gradeShare), "grade \(grade)")
        }
        #expect(!students.contains { SchoolGrade.kindergarten.contains($0.grade) && $0.attendance == .boarding })
    }

    @Test func namesAndGuardiansLookLikeARealRoster() {
        let students = Self.county.students
        #expect(students.contains { $0.name.count == 2 })
        #expect(students.contains { $0.name.count == 3 })
        #expect(students.contains { $0.name.contains("·") })
        let rare = students.filter { $0.name.unicodeScalars.contains { $0.value > 0xFFFF || (0x3400...0x4DBF).contains($0.value) } }
        #expect(!rare.isEmpty)
        for student in students {
            #expect(!(student.guardianName ?? "").isEmpty)
            let phone = student.guardianPhone ?? ""
            #expect(phone.count == 11 && phone.allSatisfy { $0.isASCII && $0.isNumber })
            #expect(["13", "15", "18"].contains(String(phone.prefix(2))))
            #expect(FieldParsing.phone(phone) == phone)
        }
    }
}
