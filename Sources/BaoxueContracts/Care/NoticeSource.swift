/// What a notice is about: the monitor raised an alert on the child, the monitor opened (or
/// reopened) the child's persuasion-return case, or the care service raised an alert of its own
/// (a contact overdue).
public enum NoticeSource: String, Codable, Sendable, CaseIterable {
    case monitorAlert, monitorCase, careAlert
}
