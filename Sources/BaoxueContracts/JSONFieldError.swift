/// A JSON value that does not fit the expected type, said the way ``DecodingProblem`` says it:
/// `missing field rows[3].record.sex`, `field rows[3].record.grade: expected Int`.
public struct JSONFieldError: Error, Sendable, CustomStringConvertible {
    public var description: String

    static func missing(_ path: String) -> JSONFieldError { JSONFieldError(description: "missing field \(path)") }
    static func invalid(_ path: String, _ reason: String) -> JSONFieldError { JSONFieldError(description: "field \(path): \(reason)") }
}

/// Typed access to a parsed JSON object's members, with paths in errors.
struct JSONObjectReader {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String) throws(JSONFieldError) {
        guard case .object = value else { throw .invalid(path.isEmpty ? "(root)" : path, "expected an object") }
        self.value = value
        self.path = path
    }

    func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func member(_ key: String) -> JSONValue? {
        guard let member = value[key], !member.isNull else { return nil }
        return member
    }

    func string(_ key: String) throws(JSONFieldError) -> String {
        try JSONMemberRules.required(optionalString(key)) { at(key) }
    }

    /// Each optional reader looks its member up once: a stored record is read many times a
    /// second (every list, every event), and a look-up is a scan of the object's members.
    func optionalString(_ key: String) throws(JSONFieldError) -> String? {
        try JSONMemberRules.optionalString(value[key]) { at(key) }
    }

    func int(_ key: String) throws(JSONFieldError) -> Int {
        try JSONMemberRules.required(optionalInt(key)) { at(key) }
    }

    func bool(_ key: String) throws(JSONFieldError) -> Bool {
        try JSONMemberRules.required(optionalBool(key)) { at(key) }
    }

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

    func optionalInt(_ key: String) throws(JSONFieldError) -> Int? {
        try JSONMemberRules.optionalInt(value[key]) { at(key) }
    }

    func optionalBool(_ key: String) throws(JSONFieldError) -> Bool? {
        try JSONMemberRules.optionalBool(value[key]) { at(key) }
    }

    /// A string member read by a parser that returns `nil` for a bad value, with that parser's
    /// reason in the error.
    func parsed<T>(_ key: String, _ reason: String, _ parse: (String) -> T?) throws(JSONFieldError) -> T {
        try JSONMemberRules.required(optionalParsed(key, reason, parse)) { at(key) }
    }

    func optionalParsed<T>(_ key: String, _ reason: String, _ parse: (String) -> T?) throws(JSONFieldError) -> T? {
        try JSONMemberRules.optionalParsed(value[key], reason, { at(key) }, parse)
    }
}
