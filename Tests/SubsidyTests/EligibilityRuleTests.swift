import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Subsidy

/// The eligibility table: every default program × family category × stage (grade) × boarding,
/// by the pure rule and by the SQL the lists and batches use, which must agree child for child.
@Suite struct EligibilityRuleTests {
    static let term = Term(year: 2026, season: .autumn)
    static let programs = SubsidyProgram.defaults
    /// A grade of each stage, at both ends.
    static let grades = [-2, 0, 1, 6, 7, 9, 10, 12]

    /// The one program a child of `grade` attending so is paid by (the defaults pay every
    /// category): what DOMAIN.md's national standards say, written out.
    static func expected(grade: Int, boarding: Bool) -> String {
        switch grade {
        case ...0: "preschool-aid"
        case 1...6: boarding ? "compulsory-primary-boarder" : "compulsory-primary-day"
        case 7...9: boarding ? "compulsory-junior-boarder" : "compulsory-junior-day"
        default: "highschool-grant"
        }
    }

    static func basis(_ category: FamilyCategory, since: String = "2026-03-01", until: String? = nil) -> EligibilityBasis {
        EligibilityBasis(category: category, source: category.source, since: CivilDate(parsing: since)!, until: until.flatMap(CivilDate.init(parsing:)))
    }

    @Test func everyProgramCategoryStageAndBoarding() {
        var cases = 0
        for category in FamilyCategory.allCases {
            for grade in Self.grades {
                for boarding in [false, true] {
                    let eligible = EligibilityRule.eligible(
                        grade: grade, attendance: boarding ? .boarding : .day, status: .enrolled, statusDate: nil,
                        basis: [Self.basis(category)], term: Self.term, programs: Self.programs)
                    #expect(eligible.map(\.program.id) == [Self.expected(grade: grade, boarding: boarding)], "\(category) grade \(grade) boarding \(boarding)")
                    #expect(eligible.first?.basis.map(\.category) == [category])
                    cases += 1
                }
            }
        }
        #expect(cases == 5 * 8 * 2)
        // No list, no aid, whatever the stage.
        for grade in Self.grades {
            #expect(EligibilityRule.eligible(grade: grade, attendance: .day, status: .enrolled, statusDate: nil, basis: [], term: Self.term, programs: Self.programs).isEmpty)
        }
    }

    /// A program pays only the categories it names.
    @Test func aProgramPaysOnlyItsCategories() {
        var orphansOnly = Self.programs[0]
        orphansOnly.id = "orphans"
        orphansOnly.categories = [.orphan]
        for category in FamilyCategory.allCases {
            let eligible = EligibilityRule.eligible(grade: 3, attendance: .boarding, status: .enrolled, statusDate: nil, basis: [Self.basis(category)], term: Self.term, programs: [orphansOnly])
            #expect(eligible.isEmpty == (category != .orphan), "\(category)")
        }
    }

    /// A stay on a list counts for every term it touches: a family that leaves stays eligible for
    /// the term it left in and stops from the next; one that joins counts from its term.
    @Test(arguments: [
        ("2026-03-01", nil, true), ("2026-08-01", nil, true), ("2027-01-31", nil, true), ("2027-02-01", nil, false),
        ("2026-03-01", "2026-10-20", true), ("2026-03-01", "2026-08-02", true), ("2026-03-01", "2026-08-01", false), ("2025-09-01", "2026-06-30", false),
    ] as [(String, String?, Bool)])
    func stayOnAListAgainstTheTerm(since: String, until: String?, eligible: Bool) {
        let result = EligibilityRule.eligible(grade: 3, attendance: .day, status: .enrolled, statusDate: nil, basis: [Self.basis(.subsistence, since: since, until: until)], term: Self.term, programs: Self.programs)
        #expect(!result.isEmpty == eligible)
    }

    /// A career that ended before the term is not aided; one that ends during it is (the batch
    /// date decides who is paid).
    @Test func aCareerEndedBeforeTheTermIsNotEligible() {
        for status in [StudentStatus.droppedOut, .leftCounty, .deceased, .graduated] {
            let before = EligibilityRule.eligible(grade: 8, attendance: .day, status: status, statusDate: CivilDate(parsing: "2026-06-30"), basis: [Self.basis(.registeredPoor)], term: Self.term, programs: Self.programs)
            let during = EligibilityRule.eligible(grade: 8, attendance: .day, status: status, statusDate: CivilDate(parsing: "2026-09-30"), basis: [Self.basis(.registeredPoor)], term: Self.term, programs: Self.programs)
            #expect(before.isEmpty, "\(status)")
            #expect(during.map(\.program.id) == ["compulsory-junior-day"], "\(status)")
        }
        for status in [StudentStatus.enrolled, .suspended, .transferredOut] {
            let result = EligibilityRule.eligible(grade: 8, attendance: .day, status: status, statusDate: CivilDate(parsing: "2026-06-30"), basis: [Self.basis(.registeredPoor)], term: Self.term, programs: Self.programs)
            #expect(!result.isEmpty, "\(status)")
        }
    }

    /// The SQL of the lists and batches selects exactly the children the rule does: the whole
    /// table, as registered children and a roster. Coverage's one pass over the lists for every
    /// program at once selects the same children as the filter does program by program, careers
    /// ended before and during the term among them.
    @Test func theSQLFilterAgreesWithTheRule() throws {
        let harness = try SubsidyHarness()
        var sequence = 0
        var facts: [(number: String, grade: Int, boarding: Bool, category: FamilyCategory?)] = []
        var rows: [(Int, FamilyCategory)] = []
        for category in FamilyCategory.allCases + [nil] as [FamilyCategory?] {
            for grade in Self.grades {
                for boarding in [false, true] where !(grade <= 0 && boarding) {
                    sequence += 1
                    let student = try harness.enrol(sequence, grade: grade, boarding: boarding)
                    facts.append((student.record.studentNumber.value, grade, boarding, category))
                    if let category { rows.append((sequence, category)) }
                }
            }
        }
        // Listed children whose careers ended: before the term (not eligible) and during it
        // (eligible, as an enrolled child is).
        for (offset, date) in [(1, "2026-06-30"), (2, "2026-10-08")] {
            let student = try harness.enrol(sequence + offset, grade: 8)
            // On two lists: still one entry a program.
            rows += [(sequence + offset, .registeredPoor), (sequence + offset, .subsistence)]
            try harness.change(student, .dropOut, to: .droppedOut, on: CivilDate(parsing: date)!)
            if offset == 2 { facts.append((student.record.studentNumber.value, 8, false, .registeredPoor)) }
        }
        let bySource = Dictionary(grouping: rows) { $0.1.source }
        for (source, sourceRows) in bySource { try harness.roster(source, sourceRows, on: CivilDate(parsing: "2026-09-01")) }
        let (children, byProgram) = try harness.database.read { db in
            try CoverageStore(settings: SubsidySettings()).childCoverage(db, programs: Self.programs, term: Self.term, township: nil, school: nil)
        }
        for (position, program) in Self.programs.enumerated() {
            let selected = try harness.database.read { db in
                try EligibilityFilter(program: program, term: Self.term).children(db).map(\.number)
            }
            let onePass = byProgram[position].map { children[$0.child].number }
            #expect(Set(onePass) == Set(selected), "\(program.id)")
            #expect(onePass.count == selected.count, "\(program.id): each child once")
            let expected = facts.filter { fact in
                guard let category = fact.category else { return false }
                return !EligibilityRule.eligible(grade: fact.grade, attendance: fact.boarding ? .boarding : .day, status: .enrolled, statusDate: nil,
                                                 basis: [Self.basis(category)], term: Self.term, programs: [program]).isEmpty
            }.map(\.number)
            #expect(Set(selected) == Set(expected), "\(program.id)")
            #expect(!expected.isEmpty, "\(program.id)")
        }
    }

    @Test func termsReadAsPeopleWriteThem() throws {
        for text in ["2026秋", "2026秋季", "2026年秋季学期", "2026-autumn", "２０２６秋", "2026 autumn"] {
            #expect(Term(parsing: text) == Term(year: 2026, season: .autumn), "\(text)")
        }
        for text in ["2027春", "2027-spring", "2027年春季"] {
            #expect(Term(parsing: text) == Term(year: 2027, season: .spring), "\(text)")
        }
        for text in ["", "2026", "2026夏", "26秋", "1999秋", "autumn"] {
            #expect(Term(parsing: text) == nil, "\(text)")
        }
        let autumn = Term(year: 2026, season: .autumn)
        #expect(autumn.start == CivilDate(parsing: "2026-08-01") && autumn.end == CivilDate(parsing: "2027-01-31"))
        #expect(Term(containing: CivilDate(parsing: "2027-01-31")!) == autumn && Term(containing: CivilDate(parsing: "2027-02-01")!) == autumn.next)
        #expect(autumn.label(.zh) == "2026秋" && autumn.next.label(.zh) == "2027春" && autumn.previous.code == "2026-spring")
        #expect(String(decoding: try JSONEncoder().encode([autumn]), as: UTF8.self) == #"["2026-autumn"]"#)
    }

    @Test func moneyIsReportedFromFen() {
        #expect(Fen.yuan(123_456) == "1234.56" && Fen.yuan(5) == "0.05" && Fen.yuan(0) == "0.00" && Fen.yuan(-150) == "-1.50")
        #expect(Fen.wanYuan(123_456_789) == "123.46" && Fen.wanYuan(1_234_949_999) == "1234.95" && Fen.wanYuan(4_999) == "0.00" && Fen.wanYuan(5_000) == "0.01")
        #expect(BankResultRow.parseYuan("1,250.00") == 125_000 && BankResultRow.parseYuan("￥1250.5元") == 125_050 && BankResultRow.parseYuan("625") == 62_500)
        #expect(BankResultRow.parseYuan("1.234") == nil && BankResultRow.parseYuan("-5") == nil && BankResultRow.parseYuan("1e3") == nil)
    }

    @Test func theDefaultProgramsAreSound() {
        for program in SubsidyProgram.defaults {
            #expect(program.problems().isEmpty, "\(program.id): \(program.problems())")
            #expect(program.shares.total == program.amountPerTerm)
        }
        let amounts = Dictionary(uniqueKeysWithValues: SubsidyProgram.defaults.map { ($0.id, $0.amountPerTerm) })
        // National standards a year, paid half per term: ¥1,000 / ¥500 primary, ¥1,250 / ¥625 junior, ¥2,300 high school.
        #expect(amounts == ["compulsory-primary-boarder": 50_000, "compulsory-primary-day": 25_000, "compulsory-junior-boarder": 62_500,
                            "compulsory-junior-day": 31_250, "highschool-grant": 115_000, "preschool-aid": 50_000])
        #expect(SubsidyProgram.defaults.filter(\.placeholder).map(\.id) == ["preschool-aid"])
    }
}
