/// Why the gateway's OpenAPI document could not be put together from its files, and where.
///
/// The document is written by people in several YAML files (`Sources/Gateway/OpenAPI/`), so every
/// error names the file, the line when the YAML parser or the node knows it, and what to change;
/// a test loads the shipped files, so one of these reaches a developer, never a county operator.
struct OpenAPIDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault, as named in ``OpenAPIDocumentLoader/shippedFiles`` (`monitor.yaml`).
    var file: String
    /// The 1-based line in that file, when known.
    var line: Int?
    /// What is wrong and what to do about it.
    var reason: String

    init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    var description: String {
        "Sources/Gateway/OpenAPI/\(file)\(line.map { ", line \($0)" } ?? ""): \(reason)"
    }
}
