/// A surrogate parent as a child's record names them.
public struct SurrogateRef: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var since: CivilDate

    public init(id: Int64, name: String, since: CivilDate) {
        self.id = id
        self.name = name
        self.since = since
    }
}
