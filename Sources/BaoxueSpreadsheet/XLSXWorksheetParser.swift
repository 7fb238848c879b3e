import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One `xl/worksheets/sheetN.xml`: its rows of cells as text, the way a person sees them in
/// Excel. Text cells come from the shared strings or inline; numbers in a date style become
/// `YYYY-MM-DD`; whole numbers lose Excel's `.0`; anything else is kept as written, so a long ID
/// number Excel stored as a number (`5.10123201506150E+17`) reaches the row checks as it is and is
/// refused there with the row's number, never silently rounded.
final class XLSXWorksheetParser: XMLPartParser {
    private let strings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool
    private(set) var rows: [[String]] = []
    private(set) var rowNumbers: [Int] = []

    private var rowNumber = 0
    private var cells: [Int: String] = [:]
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var collecting = false

    init(strings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = [:]
            column = 0
        case "c":
            column = attributes["r"].flatMap(Self.column) ?? column
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v", "t":
            collecting = true
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch Self.local(elementName) {
        case "v", "t":
            collecting = false
        case "c":
            cells[column] = text()
            column += 1
        case "row":
            guard let last = cells.keys.max(), cells.values.contains(where: { !$0.isEmpty }) else { return }
            rows.append((0...last).map { cells[$0] ?? "" })
            rowNumbers.append(rowNumber)
        default:
            break
        }
    }

    /// The cell as text.
    private func text() -> String {
        switch type {
        case "s": return Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr", "str", "e", "b": return value
        case "d": return String(value.prefix(10))
        default:
            guard let number = Double(value) else { return value }
            if dateStyles.contains(style), let date = ExcelDate.civilDate(serial: number, date1904: date1904) { return date.description }
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return value
        }
    }

    /// `AB12` → 27 (0-based column).
    static func column(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
