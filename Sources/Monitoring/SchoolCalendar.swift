import BaoxueContracts

/// Which days children are expected in class, as the county set its calendar (`baoxue calendar`):
/// Monday to Friday within a term, minus holidays, plus make-up working days (调休). Absence rules
/// count school days, so a child absent over the National Day week is not "absent seven days".
///
/// Deadlines that are about the school year (a transfer to be received, a suspension's end, a
/// case's progress) count the days **in session** instead: every day of a term but holidays,
/// weekends included; the summer and winter breaks and public holidays stand still. With no term
/// set, every day is in session but holidays, and every weekday that is no holiday a school day.
public struct SchoolCalendar: Sendable, Equatable {
    /// Days with no school although they are weekdays (holidays, term breaks).
    public var holidays: Set<CivilDate>
    /// Weekend days that are school days (调休).
    public var workdays: Set<CivilDate>
    /// The terms; empty when the county has set none.
    public var terms: [SchoolTerm]

    public init(holidays: Set<CivilDate> = [], workdays: Set<CivilDate> = [], terms: [SchoolTerm] = []) {
        self.holidays = holidays
        self.workdays = workdays
        self.terms = terms
    }

    /// The calendar a ``CalendarView`` describes.
    public init(_ view: CalendarView) {
        self.init(
            holidays: Set(view.days.filter { $0.kind == .holiday }.map(\.date)),
            workdays: Set(view.days.filter { $0.kind == .workday }.map(\.date)),
            terms: view.terms)
    }

    public func isSchoolDay(_ date: CivilDate) -> Bool {
        if workdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        if !terms.isEmpty, !terms.contains(where: { $0.contains(date) }) { return false }
        return !date.isWeekend
    }

    /// Whether `date` counts toward a school-time deadline: within a term (any day, with no term
    /// set) and not a holiday.
    public func isInSession(_ date: CivilDate) -> Bool {
        if workdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return terms.isEmpty || terms.contains { $0.contains(date) }
    }

    /// The days in session after `start` through `end`: how long a deadline has run.
    public func sessionDays(after start: CivilDate, through end: CivilDate) -> Int {
        guard end > start else { return 0 }
        if terms.isEmpty, holidays.isEmpty { return end.dayNumber - start.dayNumber }
        var count = 0
        var day = start.adding(days: 1)
        // Ten years is longer than any deadline runs; a bound keeps a bad date from looping.
        for _ in 0..<min(end.dayNumber - start.dayNumber, 3_660) {
            if isInSession(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
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
