/// What a calendar entry makes of a day.
public enum CalendarDayKind: String, Codable, Sendable, CaseIterable {
    /// 节假日: no school on a weekday (a public holiday, a school's day off).
    case holiday
    /// 调休上课: a weekend day with school, made up for a holiday.
    case workday

    public func label(_ language: Language) -> String {
        switch self {
        case .holiday: language.pick("放假", "holiday")
        case .workday: language.pick("调休上课", "make-up school day")
        }
    }
}
