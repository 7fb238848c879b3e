/// A value read from the places of its object's known keys (``JSONMembers``), so that it reads
/// the same from a parsed tree and straight from the text: an import batch's records are read the
/// second way, with no tree built for them (decision 150).
public protocol JSONMembersReadable: JSONReadable {
    /// The keys the value reads, in the places its ``init(members:)`` asks for.
    static var jsonKeys: JSONKeys { get }
    init(members: JSONMembers) throws(JSONFieldError)
}

extension JSONMembersReadable {
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        try self.init(members: JSONMembers(json, known: Self.jsonKeys, path: path))
    }
}
