import BaoxueContracts

/// The care service's alert rules (DOMAIN.md, "Care"), a pure function of one child's facts and
/// the day, as the monitor's `ChildRules` are:
/// - `surrogateMissing`: on the ledger for ``CareSettings/surrogateGraceDays`` days (counted from
///   entering it, or from the day the last surrogate stepped down) without a surrogate parent.
/// - `contactOverdue`: more than ``CareSettings/contactPeriodDays`` days since the surrogate's
///   last contact with the child (or since the assignment, before any contact).
///
/// At most one rule is due for a child at a time (the first needs no surrogate, the second one).
/// ``due(_:today:)`` says which without any words, for the sweep and the gaps, which ask it of
/// every child on the ledger; ``finding(_:facts:)`` writes the alert's words for the few that
/// open.
struct CareRules: Sendable {
    let settings: CareSettings

    /// The rule due for a child, and since when it has been counting.
    struct Due: Sendable, Equatable {
        var rule: AlertRule
        /// Entering the ledger or the last surrogate stepping down (`surrogateMissing`); the last
        /// contact or the assignment (`contactOverdue`).
        var since: CivilDate
        var days: Int
    }

    /// What an alert says, and to which surrogate parent it is a reminder.
    struct Finding: Sendable, Equatable {
        var text: String
        var textEnglish: String
        var surrogate: Int64?
    }

    func due(_ facts: CareFacts, today: CivilDate) -> Due? {
        if facts.surrogate != nil, let assignedOn = facts.assignedOn {
            let since = max(facts.lastContactOn ?? assignedOn, assignedOn)
            let days = today.dayNumber - since.dayNumber
            return days > settings.contactPeriodDays ? Due(rule: .contactOverdue, since: since, days: days) : nil
        }
        let since = max(facts.lastEndedOn ?? facts.enteredOn, facts.enteredOn)
        let days = today.dayNumber - since.dayNumber
        return days >= settings.surrogateGraceDays ? Due(rule: .surrogateMissing, since: since, days: days) : nil
    }

    func findings(_ facts: CareFacts, today: CivilDate) -> [AlertRule: Finding] {
        guard let due = due(facts, today: today) else { return [:] }
        return [due.rule: finding(due, facts: facts)]
    }

    func finding(_ due: Due, facts: CareFacts) -> Finding {
        let days = due.days
        if due.rule == .contactOverdue {
            let who = facts.surrogateName ?? "代理家长"
            let last = facts.lastContactOn.map { "最近一次联系在\($0)" } ?? "照护以来尚无联系记录"
            let lastEnglish = facts.lastContactOn.map { "last contact on \($0)" } ?? "no contact since the assignment"
            return Finding(
                text: "代理家长\(who)已\(days)天未联系\(facts.label)（\(last)）。请尽快联系并记录。",
                textEnglish: "Surrogate parent \(who) has not been in touch with \(facts.labelEnglish) for \(days) days (\(lastEnglish)). Please get in touch and log it.",
                surrogate: facts.surrogate)
        }
        let fromEntering = due.since == facts.enteredOn
        let from = fromEntering ? "进入留守儿童台账" : "原代理家长退出"
        let fromEnglish = fromEntering ? "entering the left-behind ledger" : "the last surrogate parent stepped down"
        return Finding(
            text: "\(facts.label)\(from)已\(days)天，仍未落实代理家长。请学校或乡镇尽快指定。",
            textEnglish: "\(facts.labelEnglish) has had no surrogate parent for \(days) days since \(fromEnglish). The school or township should assign one.",
            surrogate: nil)
    }

    /// Why a rule's alert no longer applies, for the resolved alert.
    static func resolution(_ rule: AlertRule, facts: CareFacts?) -> String {
        guard let facts else { return "已不在留守儿童台账 (no longer on the left-behind ledger)" }
        switch rule {
        case .surrogateMissing:
            return "已落实代理家长\(facts.surrogateName ?? "") (surrogate parent assigned)"
        default:
            if let contact = facts.lastContactOn { return "代理家长已于\(contact)联系 (contacted on \(contact))" }
            return facts.surrogate == nil ? "照护已结束 (the assignment ended)" : "已更换代理家长 (reassigned)"
        }
    }
}
