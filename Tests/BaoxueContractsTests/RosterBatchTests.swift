import BaoxueContracts
import Foundation
import Testing

/// `monitor.roster.import` bodies: the fast writer and reader agree with Foundation's coders.
@Suite struct RosterBatchTests {
    static func id(_ sequence: Int) -> String {
        let first17 = "510123" + "20150301" + String(String(1000 + sequence).suffix(3))
        return first17 + String(IDNumber.checkCharacter(for: first17))
    }

    static let batch = RosterBatch(rows: [
        NumberedRow(row: 1, record: RosterChild(idNumber: try! IDNumber(validating: id(1)), name: "阿依古丽·买买提", householdRegion: "510123101201", guardianName: "买买提", guardianPhone: "13812345678")),
        NumberedRow(row: 7, record: RosterChild(idNumber: try! IDNumber(validating: id(2)), name: "王\"小\"二\\", householdRegion: "510123")),
    ])

    @Test func theWriterWritesWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(Self.batch.jsonBytes() == Array(try encoder.encode(Self.batch)))
    }

    @Test func theReaderReadsWhatJSONDecoderReadsRowByRow() throws {
        var text = String(decoding: Self.batch.jsonBytes(), as: UTF8.self)
        // A third row with a wrong check character, as a client that skipped the checks sends it.
        let bad = String(Self.id(3).dropLast()) + (Self.id(3).last == "0" ? "1" : "0")
        text = text.replacingOccurrences(of: "]}", with: #",{"record":{"householdRegion":"510123101","idNumber":"\#(bad)","name":"李四"},"row":9}]}"#)
        let fast = try RosterBatch.read(json: Array(text.utf8))
        let slow = try JSONDecoder().decode(RosterBatch.self, from: Data(text.utf8))
        #expect(fast.rows.map(\.record) == slow.rows.map(\.record) && fast.rows.map(\.row) == [1, 7])
        #expect(fast.invalidRows.map(\.row) == [9] && slow.invalidRows.map(\.row) == [9])
        #expect(fast.invalidRows.first?.reason.contains("校验位") == true)
    }
}
