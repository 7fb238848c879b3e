import ArgumentParser
import BaoxueContracts

/// `baoxue calendar show|term|holiday|workday|clear`: the school calendar (校历) the monitor's
/// time rules count by.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "校历：学期、节假日、调休（县级设置）(the school calendar: terms, holidays, make-up days; set by county roles)",
        discussion: "学期之外（寒暑假）和节假日不计入“转出未转入”、休学逾期和案件无进展的天数。(days outside terms and holidays do not count toward the transfer, suspension and case deadlines.)",
        subcommands: [Show.self, Term.self, Holiday.self, Workday.self, Clear.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示校历 (show the calendar)")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let session = try await options.session()
            let view = try await perform(options) { try await session.operations.calendar.calendar(actor: session.actor) }
            try options.emit(view) { CalendarText.view(view, options.language) }
        }
    }

    struct Term: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "设置或删除一个学期，如 2026秋 (set or remove a term)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "学期名称，如 2026秋、2027春 (the term's name)") var name: String
        @Option(name: .customLong("from"), help: "开学日期 (first day)") var startsOn: String?
        @Option(name: .customLong("to"), help: "学期结束日期 (last day)") var endsOn: String?
        @Flag(help: "删除该学期 (remove the term)") var remove = false

        var form: TermForm { TermForm(startsOn: startsOn ?? "", endsOn: endsOn ?? "") }

        func run() async throws {
            let session = try await options.session()
            let view: CalendarView
            if remove {
                view = try await perform(options) { try await session.operations.calendar.removeTerm(name, actor: session.actor) }
            } else {
                let term = try checked(options) { try form.request(name: name) }
                view = try await perform(options) { try await session.operations.calendar.setTerm(term, actor: session.actor) }
            }
            try options.emit(view) { CalendarText.view(view, options.language) }
        }
    }

    struct Holiday: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "设为放假，如 2026-10-01..2026-10-07 (mark days as holidays)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "日期或范围 (a date or a range)") var days: String
        @Option(help: "说明，如 国庆节 (note)") var note: String?

        var form: CalendarDaysForm { CalendarDaysForm(days: days, kind: CalendarDayKind.holiday.rawValue, note: note) }

        func run() async throws { try await setDays(form, options) }
    }

    struct Workday: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "设为调休上课日 (mark weekend days as make-up school days)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "日期或范围 (a date or a range)") var days: String
        @Option(help: "说明，如 国庆调休 (note)") var note: String?

        var form: CalendarDaysForm { CalendarDaysForm(days: days, kind: CalendarDayKind.workday.rawValue, note: note) }

        func run() async throws { try await setDays(form, options) }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "恢复为按星期计 (clear days back to their weekday)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "日期或范围 (a date or a range)") var days: String

        var form: CalendarDaysForm { CalendarDaysForm(days: days, kind: "clear", note: nil) }

        func run() async throws { try await setDays(form, options) }
    }
}

/// Sets days from a form and prints the calendar.
private func setDays(_ form: CalendarDaysForm, _ options: GlobalOptions) async throws {
    let change = try checked(options) { try form.request() }
    let session = try await options.session()
    let view = try await perform(options) { try await session.operations.calendar.setDays(change, actor: session.actor) }
    try options.emit(view) { CalendarText.view(view, options.language) }
}
