import BaoxueContracts

/// The calendar as people read it: terms, then the special days grouped into runs.
enum CalendarText {
    static func view(_ view: CalendarView, _ language: Language) -> String {
        var terms = TextTable(headers: [language.pick("学期", "term"), language.pick("开学", "first day"), language.pick("结束", "last day")])
        terms.rows = view.terms.map { [$0.name, $0.startsOn.description, $0.endsOn.description] }
        var days = TextTable(headers: [language.pick("日期", "days"), language.pick("安排", "kind"), language.pick("说明", "note")])
        var index = 0
        while index < view.days.count {
            let first = view.days[index]
            var last = first
            while index + 1 < view.days.count, view.days[index + 1].date == last.date.adding(days: 1), view.days[index + 1].kind == first.kind, view.days[index + 1].note == first.note {
                index += 1
                last = view.days[index]
            }
            days.rows.append([first.date == last.date ? first.date.description : "\(first.date)..\(last.date)", first.kind.label(language), first.note ?? ""])
            index += 1
        }
        let noTerms = language.pick("（未设学期：每个工作日都算上课日）", "(no terms set: every weekday is a school day)")
        return (view.terms.isEmpty ? noTerms : terms.rendered) + "\n\n" + (view.days.isEmpty ? language.pick("（无节假日设置）", "(no holidays set)") : days.rendered)
    }
}
