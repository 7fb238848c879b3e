import Foundation

/// The gateway's OpenAPI 3.1 document, served at `/openapi.json` for client generators and the
/// fuzzer. It describes the routes; it decides nothing: 405 answers come from the router's own
/// routes (``RouteTable``), and a test keeps the two equal.
struct OpenAPIDocument: Sendable {
    /// The merged document.
    let value: OpenAPIValue
    /// The document as served: JSON with sorted keys and unescaped slashes, so the same files give
    /// the same bytes (a cache or a diff of two deployments sees no change where there is none).
    let json: String

    /// Encodes `value` once; the route serves these bytes as they are.
    init(_ value: OpenAPIValue) throws {
        self.value = value
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        json = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The shipped document, loaded on first use (when the router is built, at start) and kept.
    ///
    /// A `Result` rather than a crash: the files are compiled in and a test loads them
    /// (`OpenAPIDocumentLoaderTests.theShippedFilesLoad`), so a failure here means that test was
    /// skipped; the gateway then still serves its API and answers `/openapi.json` with a 500 that
    /// names the file.
    static let shipped: Result<OpenAPIDocument, OpenAPIDocumentError> = Result { () throws(OpenAPIDocumentError) in
        try OpenAPIDocumentLoader.load()
    }
}
