import BaoxueCSV
import BaoxueContracts
import Foundation
import Testing

@Suite struct TextDecodingTests {
    let sample = "姓名,性别\n阿依古丽·买买提,女\n䶮,男\n"

    @Test func utf8WithoutBOM() throws {
        let decoded = try TextDecoding.decode(CSVTestData.utf8(sample), encoding: nil)
        #expect(decoded.text == sample)
        #expect(decoded.encoding == .utf8)
    }

    @Test func utf8BOMIsStripped() throws {
        let decoded = try TextDecoding.decode(CSVTestData.utf8(sample, bom: true), encoding: nil)
        #expect(decoded.text == sample)
        #expect(decoded.text.unicodeScalars.first == "姓")
        #expect(decoded.encoding == .utf8)
    }

    @Test func gb18030IsDetected() throws {
        // Given a file as Excel on Chinese Windows saves it, with a rare character (䶮 is FE 9F)
        // and a minority name's middle dot (A1 A4).
        let data = CSVTestData.gb(sample)
        #expect(data.count < Data(sample.utf8).count)
        #expect(data.range(of: Data([0xFE, 0x9F])) != nil)

        let decoded = try TextDecoding.decode(data, encoding: nil)

        #expect(decoded.text == sample)
        #expect(decoded.encoding == .gb18030)
    }

    @Test(arguments: ["gbk", "gb2312", "gb18030"])
    func namedGBKEncodingsDecodeGB18030(name: String) throws {
        let decoded = try TextDecoding.decode(CSVTestData.gb(sample), encoding: TextEncoding.named(name))
        #expect(decoded.text == sample)
        #expect(decoded.encoding == .gb18030)
    }

    @Test func fourByteGB18030SequencesDecode() throws {
        // 𠀀 (U+20000, CJK extension B) is outside GBK: GB18030 writes it in four bytes.
        let data = CSVTestData.gb("姓名\n𠀀\n")
        #expect(data.count == 4 + 1 + 4 + 1)
        #expect(try TextDecoding.decode(data, encoding: nil).text == "姓名\n𠀀\n")
    }

    @Test func utf8NamedOnGBKDataIsRefusedWithOffsetAndHint() {
        // Given ASCII on line 1, so the first GBK byte is at offset 9, line 2.
        let data = CSVTestData.gb("name,sex\n张三,男\n")
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: .utf8)
        }
        #expect(error?.code == .csvEncoding)
        #expect(error?.line == 2)
        #expect(error?.message.contains("offset 9") == true)
        #expect(error?.message.contains("--encoding gb18030") == true)
    }

    @Test func invalidUTF8AfterBOMIsReportedAtItsFileOffset() {
        let data = CSVTestData.utf8("a\n", bom: true) + Data([0xC0, 0x80])
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: .utf8)
        }
        #expect(error?.message.contains("offset 5") == true)
    }

    @Test func undecodableTextIsRefused() {
        // D5 C5 is 张 in GBK, but FF starts no sequence in UTF-8 or GB18030.
        let data = Data("name\n".utf8) + Data([0xD5, 0xC5, 0xFF, 0x0A])
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: nil)
        }
        #expect(error?.code == .csvEncoding)
        #expect(error?.line == 2)
    }

    @Test func gb18030NamedOnUndecodableDataIsRefused() {
        let data = Data([0x61, 0x0A, 0xFF, 0xFF])
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: .gb18030)
        }
        #expect(error?.code == .csvEncoding)
        #expect(error?.message.contains("--encoding utf8") == true)
    }

    @Test(arguments: [
        Data(), Data([0xEF, 0xBB, 0xBF]), Data(" \r\n\n\t".utf8), Data([0xEF, 0xBB, 0xBF, 0x0D, 0x0A]),
        Data("\u{3000}\n".utf8),
    ])
    func emptyFilesAreRefused(data: Data) {
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: nil)
        }
        #expect(error?.code == .csvEmpty)
    }

    @Test func nulBytesAreRefusedAsBinary() {
        let data = Data("姓名,性别\n".utf8) + Data([0x00, 0x41])
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: nil)
        }
        #expect(error?.code == .csvBinary)
        #expect(error?.line == 2)
        #expect(error?.message.contains("offset \(Data("姓名,性别\n".utf8).count)") == true)
    }

    @Test func xlsxWorkbookIsRefusedWithAdvice() {
        let data = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) + Data("[Content_Types].xml".utf8)
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: nil)
        }
        #expect(error?.code == .csvXLSX)
        #expect(error?.message.contains("this is an Excel .xlsx file; save it as CSV") == true)
    }

    @Test func oldExcelWorkbookIsRefusedAsBinary() {
        let data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00])
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: nil)
        }
        #expect(error?.code == .csvBinary)
        #expect(error?.message.contains(".xls") == true)
    }

    @Test func utf16TextIsRefusedWithAdvice() {
        let data = Data([0xFF, 0xFE]) + "姓名\t性别\n".data(using: .utf16LittleEndian)!
        let error = #expect(throws: TableError.self) {
            try TextDecoding.decode(data, encoding: nil)
        }
        #expect(error?.code == .csvEncoding)
        #expect(error?.message.contains("UTF-16") == true)
    }

    @Test func sliceOfLargerDataDecodes() throws {
        // Data slices keep their parent's indices; decoding must not assume they start at 0.
        let whole = Data("xxxx".utf8) + CSVTestData.gb(sample)
        let slice = whole.dropFirst(4)
        #expect(try TextDecoding.decode(slice, encoding: nil).text == sample)
    }
}
