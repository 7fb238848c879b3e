/// A school's home for left-behind children (留守儿童之家) as the care service answers it.
public struct Home: Codable, Sendable, Equatable {
    public var id: Int64
    public var school: String
    public var schoolName: String?
    public var township: String
    public var name: String
    public var openedOn: CivilDate
    public var rooms: Int
    public var phones: Int
    public var videoDevices: Int
    public var books: Int
    public var inCharge: CareContact
    /// Children on the ledger at the school.
    public var children: Int
    public var updatedAt: String

    public init(id: Int64, school: String, schoolName: String?, township: String, name: String, openedOn: CivilDate, rooms: Int, phones: Int, videoDevices: Int, books: Int, inCharge: CareContact, children: Int, updatedAt: String) {
        self.id = id
        self.school = school
        self.schoolName = schoolName
        self.township = township
        self.name = name
        self.openedOn = openedOn
        self.rooms = rooms
        self.phones = phones
        self.videoDevices = videoDevices
        self.books = books
        self.inCharge = inCharge
        self.children = children
        self.updatedAt = updatedAt
    }
}
