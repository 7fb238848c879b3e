/// One care activity as recorded: its kind, day and school, the left-behind children named, the
/// head count, and for a surrogate's contact who and how.
public struct Activity: Codable, Sendable, Equatable {
    public var id: Int64
    public var kind: ActivityKind
    public var date: CivilDate
    public var school: String
    public var township: String
    public var children: [ChildRef]
    public var participants: Int
    public var note: String?
    public var surrogate: Int64?
    public var surrogateName: String?
    public var way: ContactWay?
    public var recordedBy: String

    public init(id: Int64, kind: ActivityKind, date: CivilDate, school: String, township: String, children: [ChildRef], participants: Int, note: String?, surrogate: Int64?, surrogateName: String?, way: ContactWay?, recordedBy: String) {
        self.id = id
        self.kind = kind
        self.date = date
        self.school = school
        self.township = township
        self.children = children
        self.participants = participants
        self.note = note
        self.surrogate = surrogate
        self.surrogateName = surrogateName
        self.way = way
        self.recordedBy = recordedBy
    }
}
