import BaoxueCSV
import BaoxueContracts
import Foundation
import Testing

/// A file read a segment at a time gives exactly the rows, numbers and lines of the whole read,
/// and anything that would refuse the file is found before the first segment is handed out.
@Suite struct CSVSegmentsTests {
    /// The rows of every segment, each after the first continuing the first's header.
    static func segmentedRows(_ data: Data, every: Int) throws -> (Table<StudentField>, [TableRow<StudentField>]) {
        let segments = try CSVSegments.read(data, encoding: nil, recordsPerSegment: every)
        let header = try Table<StudentField>(try segments.segment(0), encoding: segments.encoding)
        var rows = header.rows
        for index in 1..<segments.count {
            rows += Table(try segments.segment(index), continuing: header, rowsBefore: rows.count).rows
        }
        return (header, rows)
    }

    /// Quoted cells with commas, quotes and line breaks, blank lines and blank rows, a row with
    /// too many cells, a middle dot and a rare character: the things that cut records across
    /// lines and would put a segment boundary in the wrong place.
    static let text = [
        CSVTestData.studentHeader,
        "王小明,男,2015-03-01,510123201503010011,2510123001,5",
        "\"阿依古丽·买买提\",女,2015-03-02,510123201503020028,2510123001,5",
        "",
        "\"李\"\"四\",男,2015-03-03,510123201503030034,2510123001,5",
        ",,,,,",
        "\"张\r\n三\",男,2015-03-04,510123201503040040,2510123001,5",
        "𠮷田,女,2015-03-05,510123201503050056,2510123001,5,多余",
        "赵六,男,2015-03-06,510123201503060061,2510123001,5",
    ].joined(separator: "\r\n") + "\r\n"

    @Test(arguments: [1, 2, 3, 100])
    func segmentsGiveTheRowsOfTheWholeRead(every: Int) throws {
        for data in [CSVTestData.utf8(Self.text), CSVTestData.utf8(Self.text, bom: true), CSVTestData.gb(Self.text.replacingOccurrences(of: "𠮷", with: "吉"))] {
            let whole = try Table<StudentField>.read(data, encoding: nil)
            let (header, rows) = try Self.segmentedRows(data, every: every)
            #expect(rows == whole.rows)
            #expect(header.encoding == whole.encoding)
            #expect(rows.map(\.line) == [2, 3, 5, 7, 9, 10])
        }
    }

    @Test func anUnterminatedQuoteAtTheEndIsFoundBeforeAnySegment() {
        let data = CSVTestData.utf8(Self.text + "\"钱七,男,2015-03-07,510123201503070077,2510123001,5\r\n")
        #expect(throws: TableError.self) { try CSVSegments.read(data, encoding: nil, recordsPerSegment: 2) }
        let refused = try? CSVSegments.read(data, encoding: nil, recordsPerSegment: 2)
        #expect(refused == nil)
    }

    @Test func bytesThatAreNotTextAreFoundBeforeAnySegment() {
        var data = CSVTestData.utf8(Self.text)
        data.append(contentsOf: [0xFF, 0xFE, 0x00, 0x41])
        #expect(throws: TableError.self) { try CSVSegments.read(data, encoding: .utf8, recordsPerSegment: 2) }
    }
}
