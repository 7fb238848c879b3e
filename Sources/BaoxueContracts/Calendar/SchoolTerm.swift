/// A school term (学期): the days children are expected in class, weekends and holidays aside.
/// Between terms (寒假, 暑假) deadlines that count school time stand still.
public struct SchoolTerm: Codable, Sendable, Equatable {
    /// As offices write it: `2026秋` (autumn term of the 2026 school year), `2027春`.
    public var name: String
    public var startsOn: CivilDate
    public var endsOn: CivilDate

    public init(name: String, startsOn: CivilDate, endsOn: CivilDate) {
        self.name = name
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    public func contains(_ date: CivilDate) -> Bool { startsOn <= date && date <= endsOn }
}
