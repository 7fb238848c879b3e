import Foundation

/// An event as a subscriber receives it, live or by replay.
public struct ReceivedEvent: Sendable {
    public var seq: Int64
    public var topic: String
    public var header: MessageHeader
    public var body: Data

    /// Reads `[topic, header, body]`; `nil` for anything else. `previous`, the event received
    /// just before, lends the header its strings where they are written the same.
    public init?(frames: ArraySlice<Data>, previous: ReceivedEvent? = nil) {
        guard frames.count == 3 else { return nil }
        let headerFrame = frames[frames.startIndex + 1]
        guard let header = MessageHeader(json: headerFrame, previous: previous?.header) ?? (try? WireCoding.decode(MessageHeader.self, from: headerFrame)),
            let seq = header.seq, seq >= 0
        else { return nil }
        self.topic = String(decoding: frames[frames.startIndex], as: UTF8.self)
        self.header = header
        self.body = frames[frames.startIndex + 2]
        self.seq = seq
    }

    public init(seq: Int64, topic: String, header: MessageHeader, body: Data) {
        self.seq = seq
        self.topic = topic
        self.header = header
        self.body = body
    }
}
