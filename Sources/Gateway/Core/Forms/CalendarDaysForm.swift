import BaoxueContracts

/// Days set as holidays or make-up school days, or cleared (`POST /api/v1/calendar/days`,
/// `baoxue calendar holiday|workday|clear`). `days` is a date or a range `2026-10-01..2026-10-07`.
struct CalendarDaysForm: JSONForm, Equatable {
    var days: String
    /// `holiday`, `workday`, or `clear`.
    var kind: String
    var note: String?

    static let fields: Set<String> = ["days", "kind", "note"]

    func request() throws(ServiceError) -> CalendarDaysChange {
        let parts = days.components(separatedBy: "..")
        let shaped = (1...2).contains(parts.count) && parts.allSatisfy { part in
            let bytes = Array(part.utf8)
            return bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D
        }
        guard shaped else {
            throw ServiceError.invalid(field: "days", "days应为日期或日期范围，如2026-10-01..2026-10-07 (days must be a date or a range such as 2026-10-01..2026-10-07)", reason: "YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD")
        }
        // Shaped like dates but none (2026-13-45): the calendar's refusal, as for a term.
        guard let from = CivilDate(parsing: parts[0]) else { throw TermForm.notADate("days", parts[0]) }
        guard let through = parts.count == 2 ? CivilDate(parsing: parts[1]) : from else { throw TermForm.notADate("days", parts[1]) }
        let value: CalendarDayKind?
        switch kind {
        case "clear": value = nil
        default:
            guard let parsed = CalendarDayKind(rawValue: kind) else { throw FormField.unknown("kind", kind, "holiday, workday, clear") }
            value = parsed
        }
        return CalendarDaysChange(from: from, through: through, kind: value, note: note)
    }
}
