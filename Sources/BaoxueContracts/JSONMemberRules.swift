/// How a member's value is taken as each type, with its path in errors: the rules that
/// ``JSONObjectReader`` (members by name) and ``JSONMembers`` (members by place) share, so a
/// value reads the same whichever way its object was read (decision 150). `null` is an absent
/// member; the path is only made for an error.
enum JSONMemberRules {
    static func required<T>(_ value: T?, _ path: () -> String) throws(JSONFieldError) -> T {
        guard let value else { throw .missing(path()) }
        return value
    }

    static func optionalString(_ member: JSONValue?, _ path: () -> String) throws(JSONFieldError) -> String? {
        guard let member, !member.isNull else { return nil }
        guard case .string(let text) = member else { throw .invalid(path(), "expected String") }
        return text
    }

    static func optionalInt(_ member: JSONValue?, _ path: () -> String) throws(JSONFieldError) -> Int? {
        guard let member, !member.isNull else { return nil }
        guard case .number(let number) = member, number.rounded() == number, abs(number) < 1e15 else {
            throw .invalid(path(), "expected Int")
        }
        return Int(number)
    }

    static func optionalBool(_ member: JSONValue?, _ path: () -> String) throws(JSONFieldError) -> Bool? {
        guard let member, !member.isNull else { return nil }
        guard case .bool(let flag) = member else { throw .invalid(path(), "expected Bool") }
        return flag
    }

    /// A string member read by a parser that returns `nil` for a bad value, with that parser's
    /// reason in the error.
    static func optionalParsed<T>(_ member: JSONValue?, _ reason: String, _ path: () -> String, _ parse: (String) -> T?) throws(JSONFieldError) -> T? {
        guard let text = try optionalString(member, path) else { return nil }
        guard let value = parse(text) else { throw .invalid(path(), reason) }
        return value
    }
}
