import BaoxueContracts
import BaoxueMessaging

/// The school calendar (校历) the monitor's time rules count by: anyone may read it; county roles
/// set terms, holidays and make-up days, each change audited.
public struct CalendarOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor

    public func calendar(actor: Actor) async throws -> CalendarView {
        try await clients.monitor.call(MonitorMessage.calendar, EmptyBody(), actor: actor)
    }

    public func setTerm(_ term: SchoolTerm, actor: Actor) async throws -> CalendarView {
        try await auditor.audited(actor, "calendar.term", detail: { _ in "\(term.name) \(term.startsOn)–\(term.endsOn)" }) {
            try await clients.monitor.call(MonitorMessage.setTerm, term, actor: actor)
        }
    }

    public func removeTerm(_ name: String, actor: Actor) async throws -> CalendarView {
        try await auditor.audited(actor, "calendar.term", detail: { _ in "\(name) removed" }) {
            try await clients.monitor.call(MonitorMessage.removeTerm, TermKey(name: name), actor: actor)
        }
    }

    public func setDays(_ change: CalendarDaysChange, actor: Actor) async throws -> CalendarView {
        try await auditor.audited(actor, "calendar.days", detail: { _ in "\(change.from)–\(change.through) \(change.kind?.rawValue ?? "cleared")" }) {
            try await clients.monitor.call(MonitorMessage.setDays, change, actor: actor)
        }
    }
}
