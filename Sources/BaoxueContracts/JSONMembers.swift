/// The members of one JSON object that a reader knows, each in its place in a ``JSONKeys``, read
/// from a parsed tree or straight from the text; with typed access and paths in errors, said as
/// ``JSONObjectReader`` says them. A record reads its fields by place, so each read is an index,
/// not a scan of the object's members comparing names (decision 150). Of a key given twice the
/// first counts, and `null` is the same as an absent member, as in a tree.
public struct JSONMembers {
    let known: JSONKeys
    let path: String
    private var values: [JSONValue?]

    /// The known members of a parsed object.
    public init(_ value: JSONValue, known: JSONKeys, path: String) throws(JSONFieldError) {
        guard case .object(let members) = value else { throw .invalid(path.isEmpty ? "(root)" : path, "expected an object") }
        self.known = known
        self.path = path
        values = Array(repeating: nil, count: known.unknown)
        for (key, member) in members {
            let place = known.place(of: key)
            if place < known.unknown, values[place] == nil { values[place] = member }
        }
    }

    /// Members already read, in their places.
    init(values: [JSONValue?], known: JSONKeys, path: String) {
        self.known = known
        self.path = path
        self.values = values
    }

    /// The known members of the object `reader` stands on (its `{`), read through to its end;
    /// other members are read past.
    init(reading reader: inout JSONReader, known: JSONKeys, path: String) throws(JSONReader.SyntaxError) {
        self.known = known
        self.path = path
        var values = [JSONValue?](repeating: nil, count: known.unknown)
        guard try reader.beginObject() else { throw reader.error("expected an object") }
        try reader.readMembers(known) { place, reader throws(JSONReader.SyntaxError) in
            reader.skipSpace()
            values[place] = try reader.value()
        }
        self.values = values
    }

    func at(_ place: Int) -> String {
        let key = known.name(at: place)
        return path.isEmpty ? key : "\(path).\(key)"
    }

    func member(_ place: Int) -> JSONValue? {
        guard let member = values[place], !member.isNull else { return nil }
        return member
    }

    func string(_ place: Int) throws(JSONFieldError) -> String {
        guard let text = try optionalString(place) else { throw .missing(at(place)) }
        return text
    }

    func optionalString(_ place: Int) throws(JSONFieldError) -> String? {
        guard let member = member(place) else { return nil }
        guard case .string(let text) = member else { throw .invalid(at(place), "expected String") }
        return text
    }

    func int(_ place: Int) throws(JSONFieldError) -> Int {
        guard let member = member(place) else { throw .missing(at(place)) }
        guard case .number(let number) = member, number.rounded() == number, abs(number) < 1e15 else {
            throw .invalid(at(place), "expected Int")
        }
        return Int(number)
    }

    func bool(_ place: Int) throws(JSONFieldError) -> Bool {
        guard let flag = try optionalBool(place) else { throw .missing(at(place)) }
        return flag
    }

    func optionalBool(_ place: Int) throws(JSONFieldError) -> Bool? {
        guard let member = member(place) else { return nil }
        guard case .bool(let flag) = member else { throw .invalid(at(place), "expected Bool") }
        return flag
    }

    /// A string member read by a parser that returns `nil` for a bad value, with that parser's
    /// reason in the error.
    func parsed<T>(_ place: Int, _ reason: String, _ parse: (String) -> T?) throws(JSONFieldError) -> T {
        guard let value = try optionalParsed(place, reason, parse) else { throw .missing(at(place)) }
        return value
    }

    func optionalParsed<T>(_ place: Int, _ reason: String, _ parse: (String) -> T?) throws(JSONFieldError) -> T? {
        guard let text = try optionalString(place) else { return nil }
        guard let value = parse(text) else { throw .invalid(at(place), reason) }
        return value
    }
}
