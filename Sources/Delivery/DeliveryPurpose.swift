/// Why a message went to a webhook: an alert event (opened, acknowledged, resolved), an
/// escalation to the county of an alert nobody acknowledged in time, a township's daily digest,
/// or the care service's notice to a surrogate parent.
public enum DeliveryPurpose: String, Codable, Sendable, CaseIterable {
    case alert, escalation, digest, notice
}
