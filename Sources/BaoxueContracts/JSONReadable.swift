/// A value that reads itself from a parsed ``JSONValue`` with the same rules as its
/// `init(from:)`: the fast path for bulk wire types, whose `Codable` decoding costs several times
/// more. Each adopter's tests check the two paths agree on good and bad input.
public protocol JSONReadable {
    /// Reads the value at `path` (a field path such as `rows[3].record`, used in errors).
    init(json: JSONValue, path: String) throws(JSONFieldError)
}

extension Array: JSONReadable where Element: JSONReadable {
    /// A list of readable values (the alert list's answer), each read at `path[i]`.
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        guard case .array(let elements) = json else { throw .invalid(path.isEmpty ? "(root)" : path, "expected an array") }
        var values: [Element] = []
        values.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            values.append(try Element(json: element, path: "\(path)[\(index)]"))
        }
        self = values
    }
}
