import BaoxueContracts
import GRDB

/// The school calendar (校历) as the county sets it: terms, holidays and make-up school days, in
/// the monitor's database, and the live copy the rules count by (``LiveCalendar``). The
/// configuration's `monitor.calendar.holidays|workdays` seed it when the database holds none.
struct CalendarStore: Sendable {
    let settings: MonitorSettings

    func view(_ db: Database) throws -> CalendarView {
        let terms = try Row.fetchAll(db, sql: "SELECT name, starts_on, ends_on FROM calendar_term ORDER BY starts_on").compactMap { row -> SchoolTerm? in
            guard let start = CivilDate(parsing: row["starts_on"]), let end = CivilDate(parsing: row["ends_on"]) else { return nil }
            return SchoolTerm(name: row["name"], startsOn: start, endsOn: end)
        }
        let days = try Row.fetchAll(db, sql: "SELECT day, kind, note FROM calendar_day ORDER BY day").compactMap { row -> CalendarDay? in
            guard let date = CivilDate(parsing: row["day"]), let kind = CalendarDayKind(rawValue: row["kind"]) else { return nil }
            return CalendarDay(date: date, kind: kind, note: row["note"])
        }
        return CalendarView(terms: terms, days: days)
    }

    /// Loads the calendar into the live copy; with an empty database, first writes the days
    /// the configuration names.
    func load(_ db: Database, seed: SchoolCalendar) throws {
        let empty = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM calendar_term) + (SELECT COUNT(*) FROM calendar_day)") == 0
        if empty {
            for day in seed.holidays { try write(db, CalendarDay(date: day, kind: .holiday, note: "配置 (configuration)")) }
            for day in seed.workdays { try write(db, CalendarDay(date: day, kind: .workday, note: "配置 (configuration)")) }
        }
        settings.liveCalendar.replace(SchoolCalendar(try view(db)))
    }

    /// Adds or replaces a term; a term may not overlap another or last more than a year.
    func set(_ db: Database, term: SchoolTerm) throws {
        let name = TextNormalization.field(term.name)
        guard !name.isEmpty, name.count <= 20 else { throw Self.invalid("学期名称应为1–20字，如2026秋", "a term's name is 1–20 characters, such as 2026秋") }
        guard term.startsOn <= term.endsOn, term.endsOn.dayNumber - term.startsOn.dayNumber <= 366 else {
            throw Self.invalid("学期\(name)应在开始后一年内结束", "term \(name) must end after it starts, within a year")
        }
        for other in try view(db).terms where other.name != name && other.startsOn <= term.endsOn && term.startsOn <= other.endsOn {
            throw Self.invalid("学期\(name)与\(other.name)（\(other.startsOn)–\(other.endsOn)）重叠", "term \(name) overlaps \(other.name) (\(other.startsOn)–\(other.endsOn))")
        }
        try db.execute(
            sql: "INSERT INTO calendar_term (name, starts_on, ends_on) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET starts_on = excluded.starts_on, ends_on = excluded.ends_on",
            arguments: [name, term.startsOn.description, term.endsOn.description])
        try reload(db)
    }

    func remove(_ db: Database, term name: String) throws {
        try db.execute(sql: "DELETE FROM calendar_term WHERE name = ?", arguments: [TextNormalization.field(name)])
        guard db.changesCount > 0 else {
            throw ServiceError(.calendarTermNotFound, "没有学期\(name) (no term named \(name))")
        }
        try reload(db)
    }

    /// Marks each day of a range (at most a year) as `kind`, or clears it back to its weekday.
    func set(_ db: Database, _ change: CalendarDaysChange) throws {
        guard change.from <= change.through, change.through.dayNumber - change.from.dayNumber < 366 else {
            throw Self.invalid("日期范围应在一年之内且起止有序", "the range must run forward and last at most a year")
        }
        let note = change.note.map(TextNormalization.field).flatMap { $0.isEmpty ? nil : String($0.prefix(50)) }
        var day = change.from
        while day <= change.through {
            if let kind = change.kind {
                try write(db, CalendarDay(date: day, kind: kind, note: note))
            } else {
                try db.execute(sql: "DELETE FROM calendar_day WHERE day = ?", arguments: [day.description])
            }
            day = day.adding(days: 1)
        }
        try reload(db)
    }

    private func write(_ db: Database, _ day: CalendarDay) throws {
        try db.execute(
            sql: "INSERT INTO calendar_day (day, kind, note) VALUES (?, ?, ?) ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, note = excluded.note",
            arguments: [day.date.description, day.kind.rawValue, day.note])
    }

    /// The live copy follows the database at once, so the sweep in the same transaction counts
    /// by the new calendar; a transaction that rolls back puts the old one back.
    private func reload(_ db: Database) throws {
        let live = settings.liveCalendar
        let old = live.current
        live.replace(SchoolCalendar(try view(db)))
        db.afterNextTransaction(onCommit: { _ in }, onRollback: { _ in live.replace(old) })
    }

    static func invalid(_ zh: String, _ en: String) -> ServiceError {
        ServiceError(.calendarInvalid, "\(zh) (\(en))")
    }
}
