import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The common shape of the parsers of one XML part of an `.xlsx` package: a SAX delegate that
/// collects what it needs, run once over the part's bytes. Element names are matched without
/// their namespace prefix (`x:row` and `row` alike), as writers differ.
class XMLPartParser: NSObject, XMLParserDelegate {
    /// Parses `data` with this delegate; false with `error` set when the XML is not well formed.
    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        return parser.parse()
    }

    // The callbacks, overridden by each part's parser. They are declared here, not only in the
    // subclasses: on Linux `XMLParserDelegate` is a Swift protocol whose default implementations
    // would otherwise be the witnesses, and a subclass's methods would never be called.
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {}
    func parser(_ parser: XMLParser, foundCharacters string: String) {}
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {}

    /// `x:row` → `row`.
    static func local(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
    }
}
