import BaoxueContracts

/// The single-student read answers with this, written in place like ``StudentSheet``.
extension StudentFile: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("changes", changes)
        writer.field("student", student)
        writer.endObject()
    }
}
