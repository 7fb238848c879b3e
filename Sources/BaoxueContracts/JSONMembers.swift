/// The members of one JSON object that a reader knows, each in its place in a ``JSONKeys``, read
/// from a parsed tree or straight from the text; with typed access and paths in errors
/// (``JSONMemberAccess``), said as ``JSONObjectReader`` says them. A record reads its fields by
/// place, so each read is an index, not a scan of the object's members comparing names
/// (decision 150). Of a key given twice the first counts, and `null` is the same as an absent
/// member, as in a tree.
public struct JSONMembers: JSONMemberAccess {
    let known: JSONKeys
    let path: String
    private var values: [JSONValue?]
    /// The nested object read member by member (``init(reading:known:path:nested:)``), if any:
    /// none or one (a list, since a struct cannot hold itself).
    private var inner: [JSONMembers] = []
    var nested: JSONMembers? { inner.first }

    /// The known members of a parsed object.
    public init(_ value: JSONValue, known: JSONKeys, path: String) throws(JSONFieldError) {
        guard case .object(let members) = value else { throw .invalid(path.isEmpty ? "(root)" : path, "expected an object") }
        self.known = known
        self.path = path
        values = Array(repeating: nil, count: known.unknown)
        var previous = -1
        for (key, member) in members {
            let place = known.place(of: key, after: previous)
            if place < known.unknown, values[place] == nil {
                values[place] = member
                previous = place
            }
        }
    }

    /// The known members of the object `reader` stands on (its `{`), read through to its end;
    /// other members are read past. The member at `nested.place`, when it is an object, is read
    /// the same way with its own keys, into ``nested``, rather than as a tree (a batch row's
    /// record, a student's).
    init(reading reader: inout JSONReader, known: JSONKeys, path: String, nested: (place: Int, known: JSONKeys)? = nil) throws(JSONReader.SyntaxError) {
        self.known = known
        self.path = path
        var values = [JSONValue?](repeating: nil, count: known.unknown)
        var inner: [JSONMembers] = []
        guard try reader.beginObject() else { throw reader.error("expected an object") }
        try reader.readMembers(known) { place, reader throws(JSONReader.SyntaxError) in
            if let nested, place == nested.place, reader.peek() == UInt8(ascii: "{") {
                inner = [try JSONMembers(reading: &reader, known: nested.known, path: "")]
            } else {
                reader.skipSpace()
                values[place] = try reader.value()
            }
        }
        self.values = values
        self.inner = inner
    }

    /// Members already put in their places: a table's row, whose values go by column
    /// (``TableColumns``).
    init(known: JSONKeys, path: String, values: [JSONValue?]) {
        self.known = known
        self.path = path
        self.values = values
    }

    func at(_ place: Int) -> String {
        let key = known.name(at: place)
        return path.isEmpty ? key : "\(path).\(key)"
    }

    func rawMember(_ place: Int) -> JSONValue? { values[place] }
}
