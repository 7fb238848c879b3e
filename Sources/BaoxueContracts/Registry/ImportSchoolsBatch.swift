/// The body of `registry.schools.import`: schools, and optionally the names of their townships.
public struct ImportSchoolsBatch: Codable, Sendable {
    public var rows: [NumberedRow<SchoolRecord>]
    /// Township code → name (城关镇), when the importer knows them.
    public var townshipNames: [String: String]?
    /// Rows that arrived but could not be read; never encoded.
    public var invalidRows: [RowProblem] = []

    enum CodingKeys: String, CodingKey { case rows, townshipNames }

    public init(rows: [NumberedRow<SchoolRecord>], townshipNames: [String: String]? = nil) {
        self.rows = rows
        self.townshipNames = townshipNames
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        (rows, invalidRows) = try LenientRows.decode(container, key: .rows)
        townshipNames = try container.decodeIfPresent([String: String].self, forKey: .townshipNames)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encodeIfPresent(townshipNames, forKey: .townshipNames)
    }
}
