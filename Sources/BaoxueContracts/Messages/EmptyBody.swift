/// The body of requests that need none (`service.status`): `{}`.
public struct EmptyBody: Codable, Sendable {
    public init() {}
}
