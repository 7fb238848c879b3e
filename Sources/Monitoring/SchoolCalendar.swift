import BaoxueContracts

/// Which days children are expected in class: Monday to Friday, minus holidays, plus make-up
/// working days (调休), from `monitor.calendar` in the configuration. Absence rules count school
/// days, so a child absent over the National Day week is not "absent seven days".
public struct SchoolCalendar: Sendable, Equatable {
    /// Days with no school although they are weekdays (holidays, term breaks).
    public var holidays: Set<CivilDate>
    /// Weekend days that are school days (调休).
    public var workdays: Set<CivilDate>

    public init(holidays: Set<CivilDate> = [], workdays: Set<CivilDate> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    public func isSchoolDay(_ date: CivilDate) -> Bool {
        if workdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return !date.isWeekend
    }

    /// The school days from `start` through `end`, in order.
    public func schoolDays(from start: CivilDate, through end: CivilDate) -> [CivilDate] {
        guard start <= end else { return [] }
        var days: [CivilDate] = []
        var day = start
        while day <= end {
            if isSchoolDay(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }

    /// The last school day on or before `date`.
    public func schoolDay(onOrBefore date: CivilDate) -> CivilDate {
        var day = date
        for _ in 0..<400 where !isSchoolDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// Reads `2026-10-01` or a range `2026-10-01..2026-10-07`; nil for anything else.
    public static func days(_ text: String) -> [CivilDate]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first.flatMap(CivilDate.init(parsing:)) else { return nil }
        guard parts.count == 2 else { return parts.count == 1 ? [first] : nil }
        guard let last = CivilDate(parsing: parts[1]), first <= last, last.dayNumber - first.dayNumber < 400 else { return nil }
        return (0...(last.dayNumber - first.dayNumber)).map { first.adding(days: $0) }
    }
}
