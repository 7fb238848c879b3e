import BaoxueContracts

extension MessageHeader: JSONWritable {
    /// Written once per event and per request: keys in sorted order, `nil` fields left out.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("actor", actor)
        writer.field("correlationId", correlationId)
        writer.field("deadline", deadline)
        writer.field("id", id)
        writer.field("publisher", publisher)
        writer.field("sentAt", sentAt)
        writer.field("seq", seq)
        writer.field("status", status)
        writer.field("type", type)
        writer.field("v", v)
        writer.endObject()
    }
}
