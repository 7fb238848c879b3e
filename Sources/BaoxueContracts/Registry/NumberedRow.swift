/// A record with the row of the file it came from, so the registry's answer about it (rejected:
/// unknown school) can name the row.
public struct NumberedRow<Record: Codable & Sendable>: Codable, Sendable {
    public var row: Int
    public var record: Record

    public init(row: Int, record: Record) {
        self.row = row
        self.record = record
    }
}
