/// One day the calendar treats otherwise than its weekday says, with why (`国庆节`).
public struct CalendarDay: Codable, Sendable, Equatable {
    public var date: CivilDate
    public var kind: CalendarDayKind
    public var note: String?

    public init(date: CivilDate, kind: CalendarDayKind, note: String? = nil) {
        self.date = date
        self.kind = kind
        self.note = note
    }
}
