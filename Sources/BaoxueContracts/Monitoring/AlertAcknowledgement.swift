/// `alert ack ID [--note]`: someone responsible has seen the alert and is acting on it.
public struct AlertAcknowledgement: Codable, Sendable {
    public var id: Int64
    public var note: String?

    public init(id: Int64, note: String? = nil) {
        self.id = id
        self.note = note
    }
}
