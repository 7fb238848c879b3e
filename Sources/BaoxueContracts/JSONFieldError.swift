/// A JSON value that does not fit the expected type, said the way ``DecodingProblem`` says it:
/// `missing field rows[3].record.sex`, `field rows[3].record.grade: expected Int`.
public struct JSONFieldError: Error, Sendable, CustomStringConvertible {
    public var description: String

    static func missing(_ path: String) -> JSONFieldError { JSONFieldError(description: "missing field \(path)") }
    static func invalid(_ path: String, _ reason: String) -> JSONFieldError { JSONFieldError(description: "field \(path): \(reason)") }
}

/// Typed access to a parsed JSON object's members by name, with paths in errors
/// (``JSONMemberAccess``).
struct JSONObjectReader: JSONMemberAccess {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String) throws(JSONFieldError) {
        guard case .object = value else { throw .invalid(path.isEmpty ? "(root)" : path, "expected an object") }
        self.value = value
        self.path = path
    }

    func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func rawMember(_ key: String) -> JSONValue? { value[key] }

    func strings(_ key: String) throws(JSONFieldError) -> [String] {
        guard let member = member(key) else { throw .missing(at(key)) }
        guard case .array(let elements) = member else { throw .invalid(at(key), "expected an array") }
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else { throw .invalid("\(at(key))[\(index)]", "expected String") }
            texts.append(text)
        }
        return texts
    }
}
