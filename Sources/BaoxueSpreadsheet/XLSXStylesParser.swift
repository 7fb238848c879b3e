import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `xl/styles.xml`: which cell styles show a number as a date, so `42979` reads as `2017-09-01`.
/// Built-in formats 14–22, 27–36, 45–47 and 50–58 are dates (the last two ranges in Chinese
/// locales); a custom format is a date when it has a day, month or year code outside quotes and
/// brackets.
final class XLSXStylesParser: XMLPartParser {
    private var customFormats: [Int: String] = [:]
    private var cellFormats: [Int] = []
    private var inCellFormats = false

    /// Indexes of `cellXfs` (a cell's `s`) that format dates.
    var dateStyles: Set<Int> {
        Set(cellFormats.enumerated().filter { Self.isDate(format: $0.element, custom: customFormats[$0.element]) }.map(\.offset))
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if Self.local(elementName) == "cellXfs" { inCellFormats = false }
    }

    static func isDate(format id: Int, custom: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let custom else { return false }
        var quoted = false, bracketed = false
        for character in custom.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[": bracketed = true
            case "]": bracketed = false
            case "y", "d", "e": if !quoted && !bracketed { return true }
            case "年", "月", "日": return true
            default: break
            }
        }
        return false
    }
}
