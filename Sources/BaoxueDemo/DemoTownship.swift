/// A township (乡镇) of the demo county: the unit that routes alerts and scopes what township
/// staff may see, so every demo school and child belongs to exactly one.
public struct DemoTownship: Hashable, Sendable, Codable {
    /// The 9-digit division code: county code + 3 digits (`510123101`). Towns (镇) take 1xx and
    /// rural townships (乡) 2xx, as the national statistical codes do.
    public let code: String
    /// `城关镇`, `金河乡`, …
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
