import BaoxueCSV
import BaoxueContracts
import Foundation
import Testing

/// The household-registration roster (户籍适龄人口名单) read as public security's and Excel's
/// exports write it.
@Suite struct RosterTableTests {
    static let header = "姓名,身份证件号,户籍地区划代码,监护人姓名,监护人电话"

    static func id(_ sequence: Int, birth: String = "20150301") -> String {
        let first17 = "510123" + birth + String(String(1000 + sequence).suffix(3))
        return first17 + String(IDNumber.checkCharacter(for: first17))
    }

    /// Full-width digits, as office tools sometimes type them.
    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII && $0.properties.numericType != nil ? Unicode.Scalar($0.value + 0xFEE0)! : $0 }))
    }

    @Test func gb18030WithCRLFFullWidthDigitsAndAMiddleDot() throws {
        // Given a GBK/GB18030 export with CRLF, an ID number and a phone typed in full-width
        // digits, a Uyghur name written with a full-width dot, and one bad row.
        let text = Self.header + "\r\n"
            + "阿依古丽．买买提,\(Self.fullWidth(Self.id(1))),\(Self.fullWidth("510123101201")),买买提,\(Self.fullWidth("13812345678"))\r\n"
            + "王䶮,\(Self.id(2)),510123101,王大山,\r\n"
            + "李四,\(Self.id(3).dropLast())0,5101,李大,12345\r\n"
            + "赵五,\(Self.id(4)),510123,,\r\n"
        let table = try Table<RosterField>.read(Data(text.data(using: String.Encoding(rawValue: 0x8000_0632))!), encoding: nil)
        #expect(table.encoding == .gb18030)
        #expect(table.rows.count == 4)

        let results = table.rows.map { RosterChild.parse($0.fields) }
        let first = try results[0].get()
        #expect(first.name == "阿依古丽·买买提")
        #expect(first.idNumber.value == Self.id(1))
        #expect(first.householdRegion == "510123101201" && first.township == "510123101")
        #expect(first.guardianPhone == "13812345678")
        #expect(try results[1].get().name == "王䶮")
        #expect(try results[1].get().guardianPhone == nil)
        // A county-level household: no township.
        #expect(try results[3].get().township == nil)

        // The bad row: row 3 (the third data row), every problem with its column.
        guard case .failure(let problems) = results[2] else {
            Issue.record("a wrong check character, a 4-digit region and a bad phone were accepted")
            return
        }
        #expect(table.rows[2].row == 3)
        #expect(Set(problems.problems.map(\.field)) == ["身份证件号", "户籍地区划代码", "监护人电话"])
        #expect(problems.problems.first { $0.field == "身份证件号" }?.reason.contains("校验位") == true)
    }

    @Test func englishHeadersAndMissingColumns() throws {
        let table = try Table<RosterField>.read(Data("name,id_number,household_region\r\n张三,\(Self.id(5)),510123101201\r\n".utf8))
        #expect(try RosterChild.parse(table.rows[0].fields).get().name == "张三")
        let error = #expect(throws: TableError.self) { try Table<RosterField>.read(Data("姓名,监护人电话\r\n张三,13812345678\r\n".utf8)) }
        #expect(error?.code == .csvMissingColumns)
        #expect(error?.message.contains("身份证件号") == true && error?.message.contains("户籍地区划代码") == true)
    }
}
