/// A term by its name, to remove it.
public struct TermKey: Codable, Sendable, Equatable {
    public var name: String

    public init(name: String) {
        self.name = name
    }
}
