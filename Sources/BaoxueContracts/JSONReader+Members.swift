extension JSONReader {
    /// A reader of one JSON object, member by member, with no tree built: ``readMembers(_:_:)``
    /// gives each known key's value to the caller to read (``readString()``, ``readNumber()``,
    /// ``beginObject()`` and ``readMembers(_:_:)`` again for an object in it), then ``finish()``. For the small objects read
    /// thousands of times a second: every event's header, in every subscriber.
    public init(object bytes: some Collection<UInt8>) throws(SyntaxError) {
        self.init(bytes: Array(bytes))
        guard try beginObject() else { throw error("expected an object") }
    }

    /// Opens the object here; false (and nothing to read) when the value is `null`.
    public mutating func beginObject() throws(SyntaxError) -> Bool {
        try open(UInt8(ascii: "{"), "expected an object")
    }

    /// Opens the array here; false (and nothing to read) when the value is `null`. Its elements
    /// then come one by one from ``nextElement()``.
    mutating func beginArray() throws(SyntaxError) -> Bool {
        try open(UInt8(ascii: "["), "expected an array")
    }

    /// Opens the object or array (`bracket`) here; false for `null`.
    private mutating func open(_ bracket: UInt8, _ expected: String) throws(SyntaxError) -> Bool {
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end") }
        if bytes[index] == UInt8(ascii: "n") {
            try literal("null")
            return false
        }
        guard bytes[index] == bracket else { throw error(expected) }
        try enter()
        index += 1
        opened = true
        return true
    }

    /// Steps to the next member or element of the object or array being read (past its comma,
    /// spaces skipped); false at its end (`close`), which it closes, the reading going on in the
    /// value around it, if any.
    private mutating func next(closing close: UInt8, _ inside: String) throws(SyntaxError) -> Bool {
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end in \(inside)") }
        if bytes[index] == close {
            index += 1
            depth -= 1
            opened = false
            return false
        }
        if opened {
            opened = false
        } else {
            guard bytes[index] == UInt8(ascii: ",") else { throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
            index += 1
            skipSpace()
        }
        return true
    }

    /// The next key of the object being read as its place in `known` (``JSONKeys/unknown`` for
    /// any other key), its value next to be read; nil at the object's end (which is then closed,
    /// and the reading goes on in the object around it, if any). The key is compared
    /// as bytes where it is: no `String` is made for it, and no string comparison runs against
    /// each name in turn (which made reading a header this way slower than building its tree).
    mutating func nextKey(in known: JSONKeys, after previous: Int = -1) throws(SyntaxError) -> Int? {
        guard try openKey() else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        let place: Int
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            place = known.place(of: bytes[start..<end], after: previous)
            index = end + 1
        } else {
            // Escapes (or a control character, which `string()` refuses): read it whole.
            place = known.place(of: try string().utf8, after: previous)
        }
        try closeKey()
        return place
    }

    /// Steps to the next key's opening quote; false at the object's end, which it closes.
    private mutating func openKey() throws(SyntaxError) -> Bool {
        guard try next(closing: UInt8(ascii: "}"), "an object") else { return false }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key") }
        return true
    }

    /// Steps past the `:` after a key.
    private mutating func closeKey() throws(SyntaxError) {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
        index += 1
    }

    /// Reads the rest of the object being read: the first value of each key in `known` is given
    /// to `read` with its key's place (the reader on it, to be read through), and other keys'
    /// values and repeated keys' are read past. Of a key given twice the first counts, as when
    /// the object is read as a tree (``JSONValue``'s subscript).
    public mutating func readMembers(_ known: JSONKeys, _ read: (Int, inout JSONReader) throws(SyntaxError) -> Void) throws(SyntaxError) {
        precondition(known.unknown <= 64, "at most 64 known keys")
        var seen: UInt64 = 0
        var previous = -1
        while let place = try nextKey(in: known, after: previous) {
            guard place < known.unknown, seen & (1 << place) == 0 else {
                try skipValue()
                continue
            }
            seen |= 1 << place
            previous = place
            try read(place, &self)
        }
    }

    /// Steps to the next element of the array being read, its value next to be read (spaces
    /// skipped); false at the array's end, which it closes.
    mutating func nextElement() throws(SyntaxError) -> Bool {
        try next(closing: UInt8(ascii: "]"), "an array")
    }

    /// The byte the next value starts with, spaces skipped; nil at the end of the text.
    mutating func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// The string here; nil for `null`. Any other value is an error.
    public mutating func readString() throws(SyntaxError) -> String? {
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "n"): try literal("null"); return nil
        default: throw error("expected a string")
        }
    }

    /// The string here, as ``readString()``; when it is written exactly as `previous` (its bytes,
    /// with no escape), `previous` itself, and nothing is allocated or decoded. A subscriber reads
    /// thousands of event headers a second, and consecutive ones repeat nearly every string.
    public mutating func readString(reusing previous: String?) throws(SyntaxError) -> String? {
        guard var previous else { return try readString() }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return try readString() }
        let start = index + 1
        let end: Int? = previous.withUTF8 { utf8 in
            let end = start + utf8.count
            guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
            for offset in 0..<utf8.count {
                let byte = bytes[start + offset]
                // A quote, a backslash or a control character means the text is not `previous`
                // written plainly: the ordinary reading decides what it is.
                guard byte == utf8[offset], byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { return nil }
            }
            return end
        }
        guard let end else { return try readString() }
        index = end + 1
        return previous
    }

    /// The number here; nil for `null`. Any other value is an error.
    public mutating func readNumber() throws(SyntaxError) -> Double? {
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "n"): try literal("null"); return nil
        default: throw error("expected a number")
        }
    }

    /// Reads past the value here, whatever it is (checking it is JSON).
    public mutating func skipValue() throws(SyntaxError) {
        skipSpace()
        _ = try value()
    }

    /// Checks that nothing but spaces follows the object read.
    public mutating func finish() throws(SyntaxError) {
        skipSpace()
        guard index == bytes.count else { throw error("unexpected text after the value") }
    }
}
