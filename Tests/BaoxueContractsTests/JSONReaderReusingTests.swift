import BaoxueContracts
import Testing

/// ``JSONReader/readString(reusing:)`` gives the previous string only where the text writes it
/// plainly, and otherwise reads as ``JSONReader/readString()`` does.
@Suite struct JSONReaderReusingTests {
    private func read(_ value: String, reusing previous: String?) throws -> (String?, String?) {
        var reader = try JSONReader(object: Array(#"{"a":\#(value),"b":"after"}"#.utf8))
        var a: String?, b: String?
        try reader.readMembers(JSONKeys("a", "b")) { place, reader throws(JSONReader.SyntaxError) in
            if place == 0 { a = try reader.readString(reusing: previous) } else { b = try reader.readString() }
        }
        try reader.finish()
        return (a, b)
    }

    @Test(arguments: [
        (#""same""#, "same"), (#""same""#, "sam"), (#""same""#, "samey"), (#""sa\u006de""#, "same"),
        (#""a\"b""#, #"a"b"#), (#""a\\b""#, #"a\b"#), (#""中·文""#, "中·文"), (#""""#, ""), ("null", "x"),
    ])
    func readsAsWithoutPrevious(_ value: String, _ previous: String) throws {
        let alone = try read(value, reusing: nil)
        let reused = try read(value, reusing: previous)
        #expect(reused.0 == alone.0)
        #expect(reused.1 == "after")
    }

    /// Text that only looks like the previous string up to a quote is not taken for it.
    @Test func aQuoteInThePreviousStringIsNeverMatchedPlainly() throws {
        #expect(throws: JSONReader.SyntaxError.self) { try read(#""a"b""#, reusing: #"a"b"#) }
    }
}
