import BaoxueContracts
import Testing

@testable import BaoxueDemo

@Suite struct CSVTextTests {
    @Test func quotesOnlyFieldsThatNeedIt() {
        var csv = CSVText(capacity: 0)
        csv.field("城关镇")
        csv.field("a,b")
        csv.field("say \"hi\"")
        csv.field("two\nlines")
        csv.field("")
        csv.endRow()
        csv.field(CivilDate(year: 2015, month: 3, day: 7)!)
        csv.field(0)
        csv.field(9)
        csv.field(2025)
        csv.endRow()
        #expect(csv.text == "城关镇,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n2015-03-07,0,9,2025\r\n")
    }

    @Test(arguments: [(0, 1, "0"), (7, 2, "07"), (2015, 4, "2015"), (5, 3, "005"), (12_345_678, 8, "12345678")])
    func writesZeroPaddedDigits(value: Int, width: Int, expected: String) {
        var bytes: [UInt8] = []
        bytes.appendDigits(value, width: width)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
