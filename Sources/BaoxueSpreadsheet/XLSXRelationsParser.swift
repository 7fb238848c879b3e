import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `xl/_rels/workbook.xml.rels`: where each sheet's part is, by relationship id.
final class XLSXRelationsParser: XMLPartParser {
    private(set) var targets: [String: String] = [:]

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard Self.local(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }

    /// The part's path inside the package: targets are relative to `xl/` unless absolute.
    static func path(of target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
}
