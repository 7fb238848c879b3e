/// A surrogate parent (代理家长) as the care service answers: where they are registered, how many
/// children they care for now, and the most they may.
public struct Surrogate: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: SurrogateKind
    /// Masked in lists.
    public var phone: String?
    public var school: String?
    public var schoolName: String?
    public var village: String?
    public var township: String
    public var children: Int
    public var maximum: Int
    public var registeredOn: CivilDate

    public init(id: Int64, name: String, kind: SurrogateKind, phone: String?, school: String?, schoolName: String?, village: String?, township: String, children: Int, maximum: Int, registeredOn: CivilDate) {
        self.id = id
        self.name = name
        self.kind = kind
        self.phone = phone
        self.school = school
        self.schoolName = schoolName
        self.village = village
        self.township = township
        self.children = children
        self.maximum = maximum
        self.registeredOn = registeredOn
    }
}
