/// An `UPDATE` of one row that names its indexed columns only when they change (decision 161).
///
/// SQLite decides which indexes an update rewrites from the columns its `SET` names, not from
/// their values: every named index has its entry deleted and inserted again, a b-tree descent or
/// two and a dirty leaf page, which goes to the WAL whole and is copied again by the
/// checkpointer. So the columns an index covers are set in groups, each named only when the
/// caller finds its values differ from the row's; the statements for every combination of groups
/// are made once, and each is a cached statement of its own.
public struct SparseUpdate: Sendable {
    private let statements: [String]

    /// - Parameters:
    ///   - always: the assignments every update makes (`"record = ?, revision = revision + 1"`).
    ///   - groups: assignments made together or not at all (`"school = ?, township = ?"`); group
    ///     `i` is bit `1 << i` of ``sql(_:)``'s mask, and its arguments follow those of `always`,
    ///     in the groups' order.
    ///   - key: the row's condition (`"id = ?"`); its arguments come last.
    public init(table: String, always: String, groups: [String], key: String) {
        precondition(groups.count <= 8, "2^groups statements are made")
        statements = (0..<(1 << groups.count)).map { mask in
            var assignments = always
            for (bit, group) in groups.enumerated() where mask & (1 << bit) != 0 { assignments += ", " + group }
            return "UPDATE \(table) SET \(assignments) WHERE \(key)"
        }
    }

    /// The statement that also sets the groups whose bits `mask` has.
    public func sql(_ mask: Int) -> String { statements[mask] }
}
