/// A value that reads itself from a parsed ``JSONValue`` with the same rules as its
/// `init(from:)`: the fast path for bulk wire types, whose `Codable` decoding costs several times
/// more. Each adopter's tests check the two paths agree on good and bad input.
public protocol JSONReadable {
    /// Reads the value at `path` (a field path such as `rows[3].record`, used in errors).
    init(json: JSONValue, path: String) throws(JSONFieldError)
}
