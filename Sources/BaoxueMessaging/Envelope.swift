import BaoxueContracts
import Foundation

/// A decoded message: header, body, and any further frames (a replay carries its events there).
///
/// Frames on the wire (see `docs/protocol.md`):
/// - request and reply, DEALER/REQ ↔ ROUTER: `["", header, body]`
/// - event, PUB → SUB: `[topic, header, body]`
public struct Envelope: Sendable {
    public var header: MessageHeader
    public var body: Data
    public var extra: [Data]

    public init(header: MessageHeader, body: Data, extra: [Data] = []) {
        self.header = header
        self.body = body
        self.extra = extra
    }

    /// Reads `[header, body, extra…]`.
    public init(frames: ArraySlice<Data>) throws(ServiceError) {
        guard frames.count >= 2 else {
            throw .malformed("expected at least 2 frames after the delimiter (header, body), got \(frames.count)")
        }
        do {
            // The reader's fast path first (every request pays this); the decoder explains a
            // header the fast path cannot read.
            header = try MessageHeader(json: frames[frames.startIndex]) ?? WireCoding.decode(MessageHeader.self, from: frames[frames.startIndex])
        } catch {
            throw .malformed("header frame is not a valid header: \(WireCoding.explain(error))")
        }
        // An empty body frame means "no fields", as `{}` does.
        body = frames[frames.startIndex + 1].isEmpty ? Data("{}".utf8) : frames[frames.startIndex + 1]
        extra = Array(frames.dropFirst(2))
    }

    /// `[header, body, extra…]`.
    public func frames() throws -> [Data] {
        [try WireCoding.encode(header), body] + extra
    }

    public func decodeBody<T: Decodable>(_ type: T.Type) throws(ServiceError) -> T {
        do {
            return try WireCoding.decode(type, from: body)
        } catch {
            throw .malformed("body of \(header.type): \(WireCoding.explain(error))")
        }
    }

    /// The error a reply carries, when its status is `error`.
    public var replyError: ServiceError? {
        guard header.status == "error" else { return nil }
        return (try? WireCoding.decode(ServiceError.self, from: body))
            ?? ServiceError(.internal, "unreadable error reply")
    }
}
