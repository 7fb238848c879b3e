/// The body of `service.status`. `{}` asks for everything; `{"counts": false}` leaves out the
/// counts of what the service holds, which cost a `COUNT(*)` each: what `/healthz`, open to
/// anyone and polled by probes, asks for.
public struct StatusQuery: Codable, Sendable {
    public var counts: Bool

    public init(counts: Bool = true) {
        self.counts = counts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        counts = try container.decodeIfPresent(Bool.self, forKey: .counts) ?? true
    }
}
