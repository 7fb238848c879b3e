import Foundation

/// Turns the bytes of an uploaded file into text, telling apart the files people actually send:
/// UTF-8 (with or without the BOM Excel's "CSV UTF-8" writes), GBK/GB18030 from Excel on Chinese
/// Windows, and the things that are not text tables at all (an `.xlsx` workbook, an `.xls`,
/// UTF-16 "Unicode text", empty files).
public enum TextDecoding {
    /// Foundation's name for GB18030 (`kCFStringEncodingGB_18030_2000`); on Linux it decodes the
    /// four-byte sequences too and maps FE 9F to U+4DAE 䶮 as GB18030-2005 does.
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes `data` as a text table.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - encoding: the encoding a person named (`--encoding`), or `nil` to detect it: valid
    ///     UTF-8 is read as UTF-8, anything else as GB18030 when it decodes as such.
    /// - Returns: the text without a byte order mark, and the encoding it was read in.
    /// - Throws: ``TableError`` `csv.empty` (no bytes, or only a BOM and white space),
    ///   `csv.xlsx` (a ZIP archive), `csv.binary` (NUL bytes, an old `.xls`), `csv.encoding`
    ///   (UTF-16, or bytes that are not text in the encoding named or detected; when UTF-8 was
    ///   named, the message gives the byte offset and line and suggests `--encoding gb18030`).
    public static func decode(
        _ data: Data, encoding: TextEncoding?
    ) throws(TableError) -> (text: String, encoding: TextEncoding) {
        let (bom, isUTF8, invalidAt) = try inspect(data, encoding: encoding)
        if isUTF8 {
            let text = data.withUnsafeBytes { raw in String(decoding: UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[bom...]), as: UTF8.self) }
            return (try nonBlank(text), .utf8)
        }
        return (try gb18030(data, bom: bom, encoding: encoding, invalidAt: invalidAt), .gb18030)
    }

    /// Like ``decode(_:encoding:)``, but a UTF-8 file is left where it is (a mapped upload is not
    /// copied into memory): the answer is UTF-8 bytes and where the text starts in them, `data`
    /// itself after its BOM, or the GB18030 text converted.
    public static func utf8Bytes(
        _ data: Data, encoding: TextEncoding?
    ) throws(TableError) -> (bytes: Data, start: Int, encoding: TextEncoding) {
        let (bom, isUTF8, invalidAt) = try inspect(data, encoding: encoding)
        if isUTF8 { return (data, bom, .utf8) }
        return (Data(try gb18030(data, bom: bom, encoding: encoding, invalidAt: invalidAt).utf8), 0, .gb18030)
    }

    private static func inspect(_ data: Data, encoding: TextEncoding?) throws(TableError) -> (bom: Int, isUTF8: Bool, invalidAt: Int?) {
        let inspected: Result<(bom: Int, isUTF8: Bool, invalidAt: Int?), TableError> = data.withUnsafeBytes { raw in
            inspect(raw.assumingMemoryBound(to: UInt8.self), encoding: encoding)
        }
        return try inspected.get()
    }

    /// The text of a file that is not UTF-8, read as GB18030.
    private static func gb18030(_ data: Data, bom: Int, encoding: TextEncoding?, invalidAt: Int?) throws(TableError) -> String {
        let body = Data(data.dropFirst(bom))
        guard var text = String(data: body, encoding: foundationGB18030) else {
            if encoding == .gb18030 { throw .notGB18030 }
            let offset = invalidAt ?? 0
            throw .unknownEncoding(utf8Offset: offset + bom, line: lineNumber(in: data, at: offset + bom))
        }
        // GB18030 has its own byte order mark (84 31 95 33), which decodes to U+FEFF.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return try nonBlank(text)
    }

    /// Refuses what is not a text table, measures a UTF-8 BOM and, unless GB18030 was named,
    /// checks for UTF-8. `isUTF8` is false when GB18030 decoding should be tried; `invalidAt` is
    /// then where UTF-8 failed (relative to the end of the BOM).
    private static func inspect(
        _ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding?
    ) -> Result<(bom: Int, isUTF8: Bool, invalidAt: Int?), TableError> {
        if bytes.isEmpty { return .failure(.emptyFile) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .failure(.xlsxFile) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .failure(.xlsFile) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .failure(.utf16File) }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: bytes[bom...])
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .failure(.emptyFile)
        }
        if let nul = body.firstIndex(of: 0) {
            return .failure(.nulBytes(offset: nul + bom, line: lineNumber(in: body, at: nul)))
        }
        if encoding == .gb18030 { return .success((bom, false, nil)) }
        if let invalid = UTF8Validation.firstInvalidOffset(in: body) {
            if encoding == .utf8 {
                return .failure(.notUTF8(offset: invalid + bom, line: lineNumber(in: body, at: invalid)))
            }
            return .success((bom, false, invalid))
        }
        return .success((bom, true, nil))
    }

    /// The 1-based line a byte offset falls on, for pointing at undecodable bytes.
    private static func lineNumber(in bytes: some Collection<UInt8>, at offset: Int) -> Int {
        1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Refuses text that is only white space once decoded (ideographic spaces in a GBK file).
    private static func nonBlank(_ text: String) throws(TableError) -> String {
        if text.isBlankCell { throw .emptyFile }
        return text
    }
}
