/// `registry.students.changeBatch`: many status changes from one file (a school's graduates, a
/// term's transfers), sent as one journaled request. Each row is checked and applied as a single
/// change would be; a row the registry refuses is reported with its row number and the others
/// go in. With `dryRun` everything is worked out, in order, and nothing is kept.
public struct ChangeBatch: Codable, Sendable {
    public var rows: [NumberedRow<StatusChangeRequest>]
    public var dryRun: Bool

    /// Rows one request may carry.
    public static let maximumRows = 5_000

    public init(rows: [NumberedRow<StatusChangeRequest>], dryRun: Bool = false) {
        self.rows = rows
        self.dryRun = dryRun
    }

    enum CodingKeys: String, CodingKey { case rows, dryRun }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rows = try c.decode([NumberedRow<StatusChangeRequest>].self, forKey: .rows)
        dryRun = try c.decodeIfPresent(Bool.self, forKey: .dryRun) ?? false
    }
}
