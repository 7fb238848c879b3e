/// Typed access to a JSON object's members, with paths in errors, written once for the objects
/// read by name (``JSONObjectReader``) and by place (``JSONMembers``), so a value reads the same
/// whichever way its object was read (decision 150). A conforming type only says how it finds a
/// member and names its path; `null` is an absent member, and the path is made only for an error.
protocol JSONMemberAccess {
    associatedtype MemberKey
    /// The member under `key` as written (`null` too); nil when the object has none.
    func rawMember(_ key: MemberKey) -> JSONValue?
    /// The member's path, for an error: `rows[3].record.grade`.
    func at(_ key: MemberKey) -> String
}

extension JSONMemberAccess {
    func member(_ key: MemberKey) -> JSONValue? {
        guard let member = rawMember(key), !member.isNull else { return nil }
        return member
    }

    func string(_ key: MemberKey) throws(JSONFieldError) -> String {
        try required(optionalString(key), key)
    }

    /// Each optional reader looks its member up once: a stored record is read many times a
    /// second (every list, every event), and a look-up by name is a scan of the object's members.
    func optionalString(_ key: MemberKey) throws(JSONFieldError) -> String? {
        guard let member = member(key) else { return nil }
        guard case .string(let text) = member else { throw .invalid(at(key), "expected String") }
        return text
    }

    func int(_ key: MemberKey) throws(JSONFieldError) -> Int {
        try required(optionalInt(key), key)
    }

    func optionalInt(_ key: MemberKey) throws(JSONFieldError) -> Int? {
        guard let member = member(key) else { return nil }
        guard case .number(let number) = member, number.rounded() == number, abs(number) < 1e15 else {
            throw .invalid(at(key), "expected Int")
        }
        return Int(number)
    }

    func bool(_ key: MemberKey) throws(JSONFieldError) -> Bool {
        try required(optionalBool(key), key)
    }

    func optionalBool(_ key: MemberKey) throws(JSONFieldError) -> Bool? {
        guard let member = member(key) else { return nil }
        guard case .bool(let flag) = member else { throw .invalid(at(key), "expected Bool") }
        return flag
    }

    /// A string member read by a parser that returns `nil` for a bad value, with that parser's
    /// reason in the error.
    func parsed<T>(_ key: MemberKey, _ reason: String, _ parse: (String) -> T?) throws(JSONFieldError) -> T {
        try required(optionalParsed(key, reason, parse), key)
    }

    func optionalParsed<T>(_ key: MemberKey, _ reason: String, _ parse: (String) -> T?) throws(JSONFieldError) -> T? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = parse(text) else { throw .invalid(at(key), reason) }
        return value
    }

    private func required<T>(_ value: T?, _ key: MemberKey) throws(JSONFieldError) -> T {
        guard let value else { throw .missing(at(key)) }
        return value
    }
}
