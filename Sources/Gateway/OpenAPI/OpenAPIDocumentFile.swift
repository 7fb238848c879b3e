/// One file of the OpenAPI document: its name, for error messages, and its bytes.
///
/// The shipped files are compiled into the binary (``OpenAPIDocumentLoader/shippedFiles``); tests
/// build their own to check what the loader refuses.
struct OpenAPIDocumentFile: Sendable {
    /// The file's name inside `Sources/Gateway/OpenAPI/`, such as `monitor.yaml`.
    var name: String
    /// UTF-8 YAML (JSON is YAML too).
    var bytes: [UInt8]

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }
}
