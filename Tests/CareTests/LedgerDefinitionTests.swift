import BaoxueContracts
import Testing

@testable import Care

/// Civil affairs' definition of a left-behind child, as a table: each row is a child's facts and
/// what the ledger says about them.
@Suite struct LedgerDefinitionTests {
    static let today = CivilDate(parsing: "2026-11-02")!
    static let eleven = CivilDate(parsing: "2015-03-01")!
    static let sixteen = CivilDate(parsing: "2010-11-02")!
    static let almostSixteen = CivilDate(parsing: "2010-11-03")!

    struct Row: Sendable, CustomStringConvertible {
        var note: String
        var facts: LedgerFacts
        var expected: [LedgerReason]
        var description: String { note }
    }

    static func facts(_ father: ParentSituation?, _ mother: ParentSituation?, household: HouseholdType? = .rural, born: CivilDate = eleven, status: StudentStatus = .enrolled, orphan: Bool = false, unattended: Bool = false) -> LedgerFacts {
        LedgerFacts(birthDate: born, status: status, householdType: household, orphan: orphan, unattended: unattended, father: father, mother: mother)
    }

    static let table: [Row] = [
        Row(note: "both parents away", facts: facts(.away, .away), expected: [.bothParentsAway]),
        Row(note: "father away, mother unable", facts: facts(.away, .unable), expected: [.oneAwayOtherUnable]),
        Row(note: "mother away, father unable", facts: facts(.unable, .away), expected: [.oneAwayOtherUnable]),
        Row(note: "father away, mother at home (the registry's 单亲留守, not civil affairs')", facts: facts(.away, .home), expected: [.parentCaring]),
        Row(note: "both at home", facts: facts(.home, .home), expected: [.noParentAway]),
        Row(note: "both unable, none away (事实无人抚养's ground, not left behind)", facts: facts(.unable, .unable), expected: [.noParentAway]),
        Row(note: "urban household", facts: facts(.away, .away, household: .urban), expected: [.notRural]),
        Row(note: "household type not on the roster", facts: facts(.away, .away, household: nil), expected: [.householdTypeUnknown]),
        Row(note: "16 today", facts: facts(.away, .away, born: sixteen), expected: [.aged16]),
        Row(note: "16 tomorrow", facts: facts(.away, .away, born: almostSixteen), expected: [.bothParentsAway]),
        Row(note: "an orphan", facts: facts(.away, .away, orphan: true), expected: [.orphan]),
        Row(note: "unattended (事实无人抚养)", facts: facts(.away, .away, unattended: true), expected: [.unattended]),
        Row(note: "left the county", facts: facts(.away, .away, status: .leftCounty), expected: [.leftCounty]),
        Row(note: "dropped out: still left behind, and watched all the more", facts: facts(.away, .away, status: .droppedOut), expected: [.bothParentsAway]),
        Row(note: "urban and over 16 and a parent at home: every reason", facts: facts(.away, .home, household: .urban, born: sixteen), expected: [.notRural, .aged16, .parentCaring]),
        Row(note: "flagged, family not recorded", facts: facts(nil, nil), expected: [.notRecorded]),
        Row(note: "urban, family not recorded", facts: facts(nil, nil, household: .urban), expected: [.notRural, .notRecorded]),
    ]

    @Test(arguments: table)
    func theDefinition(row: Row) {
        let reasons = LedgerDefinition.verdict(row.facts, today: Self.today)
        #expect(reasons == row.expected, "\(row.note)")
        #expect((reasons.first?.qualifies ?? false) == row.expected.contains(where: \.qualifies), "\(row.note)")
    }

    @Test func theSixteenthBirthdayIsTheDayTheAgeTurns() {
        for text in ["2012-02-29", "2010-02-28", "2010-12-31", "2084-02-29"] {
            let born = CivilDate(parsing: text)!
            let birthday = LedgerDefinition.sixteenthBirthday(born)
            #expect(born.age(on: birthday) == 16 && born.age(on: birthday.adding(days: -1)) == 15, "\(text)")
        }
    }

    @Test func givenNamesDropTheSurname() {
        #expect(GivenName.of("张小明") == "小明")
        #expect(GivenName.of("欧阳娜娜") == "娜娜")
        #expect(GivenName.of("阿依古丽·买买提") == "阿依古丽")
        #expect(GivenName.of("李") == "小朋友")
    }
}
