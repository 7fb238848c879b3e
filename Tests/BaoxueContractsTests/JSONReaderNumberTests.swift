import BaoxueContracts
import Foundation
import Testing

/// ``JSONReader`` reads numbers as `JSONSerialization` does, through its integer fast path and
/// its general path alike.
@Suite struct JSONReaderNumberTests {
    @Test(arguments: ["0", "7", "12345", "999999999999999", "1234567890123456789", "-3", "2.5", "1e3", "-0.25E-2", "10.0", "007"])
    func numbersReadAsFoundationReadsThem(_ text: String) throws {
        let read = try JSONReader.parse(Array("[\(text)]".utf8))
        guard case .array(let values) = read, case .number(let value)? = values.first else {
            Issue.record("\(text) did not read as a number")
            return
        }
        #expect(value == Double(text))
    }

    @Test func aNumberEndsWhereTheValueEnds() throws {
        let read = try JSONReader.parse(Array(#"{"row": 12, "grade":3}"#.utf8))
        #expect(read["row"] == .number(12) && read["grade"] == .number(3))
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array("[12x]".utf8)) }
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array("[-]".utf8)) }
    }
}
