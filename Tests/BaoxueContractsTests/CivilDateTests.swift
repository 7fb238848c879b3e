import BaoxueContracts
import Foundation
import Testing

@Suite struct CivilDateTests {
    @Test(arguments: [
        "2014-09-01", "2014/9/1", "2014.09.01", "20140901", "2014年9月1日", "2014年09月01日", "２０１４－０９－０１",
        " 2014-9-1 ", "2014 9 1", "２０１４０９０１",
    ])
    func parsesOfficeVariants(text: String) {
        #expect(CivilDate(parsing: text) == CivilDate(year: 2014, month: 9, day: 1))
    }

    @Test(arguments: [
        "", "2023-02-29", "2014-13-01", "2014-00-10", "2014-09-31", "14-09-01", "2014-09", "abc", "201409011",
        "1899-12-31", "2201-01-01", "2014-09-01-02",
    ])
    func refusesWhatIsNotADate(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test func leapYears() {
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test func descriptionIsISO() {
        #expect(CivilDate(year: 2014, month: 9, day: 1)?.description == "2014-09-01")
        #expect(CivilDate(year: 2014, month: 12, day: 31)?.description == "2014-12-31")
    }

    @Test(arguments: [("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2024-02-29", 19_782)])
    func dayNumbers(text: String, days: Int) throws {
        let date = try #require(CivilDate(parsing: text))
        #expect(date.dayNumber == days)
        #expect(CivilDate(dayNumber: days) == date)
    }

    @Test func dayNumberRoundTripsOverTheWholeRange() throws {
        let first = try #require(CivilDate(year: 1900, month: 1, day: 1))
        let last = try #require(CivilDate(year: 2200, month: 12, day: 31))
        var previous = first
        var wrong: [Int] = []
        for day in (first.dayNumber + 1)...last.dayNumber {
            let date = CivilDate(dayNumber: day)
            let rebuilt = CivilDate(year: date.year, month: date.month, day: date.day)
            if date.dayNumber != day || !(previous < date) || rebuilt != date { wrong.append(day) }
            previous = date
        }
        #expect(wrong.isEmpty)
        #expect(previous == last)
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(CivilDate(year: 2023, month: 12, day: 31)?.adding(days: 1) == CivilDate(year: 2024, month: 1, day: 1))
        #expect(CivilDate(year: 2024, month: 3, day: 1)?.adding(days: -1) == CivilDate(year: 2024, month: 2, day: 29))
    }

    @Test(arguments: [
        ("2014-03-01", "2024-02-29", 9), ("2014-03-01", "2024-03-01", 10), ("2014-03-01", "2014-03-01", 0),
        ("2012-02-29", "2020-02-28", 7), ("2012-02-29", "2020-03-01", 8), ("2008-09-01", "2024-08-31", 15),
    ])
    func ageInWholeYears(birth: String, on: String, age: Int) throws {
        let birthDate = try #require(CivilDate(parsing: birth))
        #expect(birthDate.age(on: try #require(CivilDate(parsing: on))) == age)
    }

    @Test func codableAsISOText() throws {
        let date = try #require(CivilDate(year: 2014, month: 9, day: 1))
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["2014-09-01"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: json) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2014-02-30"]"#.utf8))
        }
    }
}
