import BaoxueContracts

/// A plausible school calendar for the demo county's school year: the autumn term from 1
/// September to the third week of January, the spring term from the fourth week of February to
/// the second week of July, and the public holidays with fixed dates (元旦, 清明 about 4–6 April,
/// 劳动节 1–5 May, 国庆节 1–7 October) with National Day's usual make-up Saturday and Sunday.
/// Holidays on lunar dates (春节 falls in the winter break; 端午, 中秋) and each year's exact
/// make-up days come from the State Council's notice: a county sets them with `baoxue calendar`.
public enum DemoCalendar {
    /// The school year `today` falls in (from 1 August).
    public static func calendar(on today: CivilDate) -> CalendarView {
        let year = today.month >= 8 ? today.year : today.year - 1
        func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
        func run(_ from: CivilDate, _ days: Int, _ kind: CalendarDayKind, _ note: String) -> [CalendarDay] {
            (0..<days).map { CalendarDay(date: from.adding(days: $0), kind: kind, note: note) }
        }
        let terms = [
            SchoolTerm(name: "\(year)秋", startsOn: day(year, 9, 1), endsOn: day(year + 1, 1, 22)),
            SchoolTerm(name: "\(year + 1)春", startsOn: day(year + 1, 2, 23), endsOn: day(year + 1, 7, 10)),
        ]
        let days = run(day(year, 10, 1), 7, .holiday, "国庆节")
            + run(day(year + 1, 1, 1), 3, .holiday, "元旦")
            + run(day(year + 1, 4, 4), 3, .holiday, "清明节")
            + run(day(year + 1, 5, 1), 5, .holiday, "劳动节")
            + nationalDayMakeUp(year)
        return CalendarView(terms: terms, days: days.sorted { $0.date < $1.date })
    }

    /// The weekend days before and after National Day worked instead (the Sunday before 1 October
    /// and the Saturday after the 7th), when they are weekend days.
    static func nationalDayMakeUp(_ year: Int) -> [CalendarDay] {
        let before = (1...7).map { CivilDate(year: year, month: 9, day: 30)!.adding(days: -$0 + 1) }.first { $0.isoWeekday == 7 }
        let after = (1...7).map { CivilDate(year: year, month: 10, day: 7)!.adding(days: $0) }.first { $0.isoWeekday == 6 }
        return [before, after].compactMap { $0 }.map { CalendarDay(date: $0, kind: .workday, note: "国庆调休") }
    }
}
