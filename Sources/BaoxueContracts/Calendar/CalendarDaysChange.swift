/// Sets the days `from` through `through` (at most a year) as `kind`, or clears them back to
/// their weekday when `kind` is nil.
public struct CalendarDaysChange: Codable, Sendable, Equatable {
    public var from: CivilDate
    public var through: CivilDate
    public var kind: CalendarDayKind?
    public var note: String?

    public init(from: CivilDate, through: CivilDate, kind: CalendarDayKind?, note: String? = nil) {
        self.from = from
        self.through = through
        self.kind = kind
        self.note = note
    }
}
