/// A school as the registry keeps it.
public struct School: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var type: SchoolType
    public var township: String
    public var townshipName: String?
    public var students: Int?

    public init(code: String, name: String, type: SchoolType, township: String, townshipName: String? = nil, students: Int? = nil) {
        self.code = code
        self.name = name
        self.type = type
        self.township = township
        self.townshipName = townshipName
        self.students = students
    }
}
