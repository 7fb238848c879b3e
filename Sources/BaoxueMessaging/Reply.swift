import Foundation

/// What a handler answers: a JSON body and, for replays, further frames.
public struct Reply: Sendable {
    public var body: Data
    public var extra: [Data]

    public init(body: Data, extra: [Data] = []) {
        self.body = body
        self.extra = extra
    }

    public init(_ value: some Encodable) throws {
        self.init(body: try WireCoding.encode(value))
    }
}
