/// `care.homes.record`: a school's home for left-behind children (留守儿童之家), recorded or
/// updated (one per school): when it opened, its rooms and equipment (phones or video for family
/// calls, books), and the person in charge.
public struct HomeRequest: Codable, Sendable, Equatable {
    public var school: String
    public var name: String
    public var openedOn: CivilDate
    public var rooms: Int
    /// Phones for family calls (亲情电话).
    public var phones: Int
    /// Video devices for family video calls (亲情视频).
    public var videoDevices: Int
    public var books: Int
    public var inCharge: CareContact

    public init(school: String, name: String, openedOn: CivilDate, rooms: Int, phones: Int = 0, videoDevices: Int = 0, books: Int = 0, inCharge: CareContact) {
        self.school = school
        self.name = name
        self.openedOn = openedOn
        self.rooms = rooms
        self.phones = phones
        self.videoDevices = videoDevices
        self.books = books
        self.inCharge = inCharge
    }

    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.trimmingWhitespace().isEmpty || name.count > 50 {
            problems.append(FieldProblem(field: "name", reason: "必填，最多50字 (required, at most 50 characters)"))
        }
        for (field, value, limit) in [("rooms", rooms, 100), ("phones", phones, 1_000), ("videoDevices", videoDevices, 1_000), ("books", books, 1_000_000)] where !(0...limit).contains(value) {
            problems.append(FieldProblem(field: field, reason: "应为0–\(limit) (must be 0–\(limit))"))
        }
        return problems + inCharge.problems("inCharge")
    }
}
