import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `xl/workbook.xml`: the sheets in tab order with their relationship ids, and whether dates
/// count from 1904.
final class XLSXWorkbookParser: XMLPartParser {
    private(set) var sheets: [(name: String, relationship: String)] = []
    private(set) var date1904 = false

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "sheet":
            let relationship = attributes.first { Self.local($0.key) == "id" }?.value ?? ""
            sheets.append((attributes["name"] ?? "", relationship))
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default:
            break
        }
    }
}
