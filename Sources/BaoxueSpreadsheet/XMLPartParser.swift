import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The common shape of the parsers of one XML part of an `.xlsx` package: a SAX delegate that
/// collects what it needs, run once over the part's bytes. Element names are matched without
/// their namespace prefix (`x:row` and `row` alike), as writers differ.
class XMLPartParser: NSObject, XMLParserDelegate {
    /// Parses `data` with this delegate; false when the XML is not well formed.
    ///
    /// The bytes are fed as a stream, in chunks: Excel writes a sheet's rows on one line, and
    /// libxml2, which parses for Foundation on Linux, refuses a single input of more than 10 MB
    /// ("huge input lookup", about 40,000 rows) when given it whole.
    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(stream: InputStream(data: data))
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
