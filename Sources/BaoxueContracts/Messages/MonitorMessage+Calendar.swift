/// The monitor's school calendar: terms, holidays and make-up days, which its time rules count
/// by. Anyone may read it; county roles set it; every change is journaled.
extension MonitorMessage {
    public static let calendar = Message<EmptyBody, CalendarView>("monitor.calendar.get")
    /// Adds a term, or replaces the term of the same name.
    public static let setTerm = Message<SchoolTerm, CalendarView>("monitor.calendar.setTerm")
    public static let removeTerm = Message<TermKey, CalendarView>("monitor.calendar.removeTerm")
    public static let setDays = Message<CalendarDaysChange, CalendarView>("monitor.calendar.setDays")
}
