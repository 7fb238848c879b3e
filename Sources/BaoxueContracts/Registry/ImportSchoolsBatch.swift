/// The body of `registry.schools.import`: schools, and optionally the names of their townships.
public struct ImportSchoolsBatch: Codable, Sendable {
    public var rows: [NumberedRow<SchoolRecord>]
    /// Township code → name (城关镇), when the importer knows them.
    public var townshipNames: [String: String]?

    public init(rows: [NumberedRow<SchoolRecord>], townshipNames: [String: String]? = nil) {
        self.rows = rows
        self.townshipNames = townshipNames
    }
}
