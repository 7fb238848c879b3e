/// A village (村) or urban community (社区) of the demo county: where a child's household is
/// registered (户籍所在地), which the school-age cross-check matches children by.
public struct DemoVillage: Hashable, Sendable, Codable {
    /// The 12-digit division code: township code + 3 digits. Communities (社区居委会) take 0xx and
    /// villages (村委会) 2xx, as the national statistical codes do (`510123101201`).
    public let code: String
    /// `红岩村`, `东街社区`, …
    public let name: String
    /// The 9-digit code of the township the village belongs to.
    public let townshipCode: String

    public init(code: String, name: String, townshipCode: String) {
        self.code = code
        self.name = name
        self.townshipCode = townshipCode
    }
}
