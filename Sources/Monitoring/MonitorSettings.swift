import BaoxueContracts
import BaoxueService
import Configuration

/// The thresholds of DOMAIN.md's rules, the school calendar and the clock, from `monitor.*` in
/// configuration (`config/monitor.yaml`), with DOMAIN.md's defaults.
public struct MonitorSettings: Sendable {
    /// Rule 2: days in session (``SchoolCalendar/sessionDays(after:through:)``) a transfer out may
    /// wait to be received.
    public var transferGraceDays = 15
    /// Rule 3: days in session past a suspension's end before it is overdue.
    public var suspensionGraceDays = 7
    /// Rule 4: a warning after more than this many consecutive unexplained school days…
    public var absenceConsecutiveDays = 3
    /// …or this many unexplained absences…
    public var absenceWindowCount = 7
    /// …within this many calendar days.
    public var absenceWindowDays = 30
    /// Rule 4: this many consecutive unexplained school days is treated as a dropout.
    public var absenceDropoutDays = 20
    /// Rule 6: an open case with no visit for this many days in session is escalated…
    public var caseIdleDays = 14
    /// …and so is one open longer than this.
    public var caseMaximumOpenDays = 60
    /// Days a returned child stays watched; an unexplained absence in them reopens the case.
    public var probationDays = 90
    /// Registry completeness: school days a status change may stay without all its documents
    /// before the township is alerted (手续不全, decision 108).
    public var documentsGraceSchoolDays = 10
    /// Home-delivered teaching lessons a year per child (the province's quota).
    public var teachingLessonsPerYear = 216
    /// Rule 5 (cross-check): an enrolled child with at least this many unexplained absences in the
    /// last ``crosscheckWindowSchoolDays`` school days is "enrolled but not in class" (在籍不在校).
    public var crosscheckAbsentDays = 10
    public let crosscheckWindowSchoolDays = 20
    /// The calendar as the county set it; the configuration's `monitor.calendar.*` seed it when
    /// the database has none (``CalendarStore``).
    public var liveCalendar = LiveCalendar()
    /// The calendar now. Setting it gives these settings a calendar of their own.
    public var calendar: SchoolCalendar {
        get { liveCalendar.current }
        set { liveCalendar = LiveCalendar(newValue) }
    }
    /// "Today" in the county. A fixed date (`monitor.clock.today`) only for tests and drills.
    public var today: @Sendable () -> CivilDate = Timestamp.todayInChina

    public init() {}

    /// Reads `monitor.thresholds.*`, `monitor.calendar.holidays|workdays`, `monitor.clock.today`;
    /// refuses a value that makes no sense, naming the key.
    public init(configuration: ServiceConfiguration) throws {
        self.init()
        let reader = configuration.reader
        func int(_ key: String, _ value: inout Int, _ range: ClosedRange<Int>) throws {
            if let configured = try reader.int("monitor.thresholds.\(key)", in: range) { value = configured }
        }
        try int("transferGraceDays", &transferGraceDays, 1...365)
        try int("suspensionGraceDays", &suspensionGraceDays, 0...365)
        try int("absenceConsecutiveDays", &absenceConsecutiveDays, 1...60)
        try int("absenceWindowCount", &absenceWindowCount, 1...60)
        try int("absenceWindowDays", &absenceWindowDays, 1...365)
        try int("absenceDropoutDays", &absenceDropoutDays, 2...120)
        try int("caseIdleDays", &caseIdleDays, 1...365)
        try int("caseMaximumOpenDays", &caseMaximumOpenDays, 1...3650)
        try int("probationDays", &probationDays, 0...3650)
        try int("teachingLessonsPerYear", &teachingLessonsPerYear, 1...2000)
        try int("documentsGraceSchoolDays", &documentsGraceSchoolDays, 1...200)
        try int("crosscheckAbsentDays", &crosscheckAbsentDays, 1...crosscheckWindowSchoolDays)
        func days(_ key: String) throws -> Set<CivilDate> {
            var result: Set<CivilDate> = []
            for text in reader.stringArray(forKey: ConfigKey("monitor.calendar.\(key)")) ?? [] {
                guard let days = SchoolCalendar.days(text) else {
                    throw ServiceError(.configInvalid, "monitor.calendar.\(key): \(text) is not a date or a range like 2026-10-01..2026-10-07")
                }
                result.formUnion(days)
            }
            return result
        }
        calendar = SchoolCalendar(holidays: try days("holidays"), workdays: try days("workdays"))
        if let fixed = try reader.fixedToday("monitor.clock.today") { today = fixed }
    }
}
