/// Who a notice went to: the child's surrogate parent, or the home (留守儿童之家) of the child's
/// school, through its person in charge.
public enum NoticeRecipient: String, Codable, Sendable, CaseIterable {
    case surrogate, home
}
