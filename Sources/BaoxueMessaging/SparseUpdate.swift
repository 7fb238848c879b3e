import GRDB

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
    private let groupCount: Int

    /// - Parameters:
    ///   - always: the assignments every update makes (`"record = ?, revision = revision + 1"`).
    ///   - groups: assignments made together or not at all (`"school = ?, township = ?"`); group
    ///     `i` is bit `1 << i` of ``sql(_:)``'s mask, and the `i`th of ``execute(_:always:groups:key:)``'s
    ///     groups.
    ///   - key: the row's condition (`"id = ?"`); its arguments come last.
    public init(table: String, always: String, groups: [String], key: String) {
        precondition(groups.count <= 8, "2^groups statements are made")
        groupCount = groups.count
        statements = (0..<(1 << groups.count)).map { mask in
            var assignments = always
            for (bit, group) in groups.enumerated() where mask & (1 << bit) != 0 { assignments += ", " + group }
            return "UPDATE \(table) SET \(assignments) WHERE \(key)"
        }
    }

    /// The statement that also sets the groups whose bits `mask` has.
    public func sql(_ mask: Int) -> String { statements[mask] }

    /// Updates the row: `always`'s arguments, then those of each group that `changed`, in the
    /// groups' order, then the key's. The caller says what changed, from the row it read.
    public func execute(_ db: Database, always: StatementArguments, groups: [(changed: Bool, values: StatementArguments)], key: StatementArguments) throws {
        precondition(groups.count == groupCount, "one entry for each group")
        var mask = 0
        var arguments = always
        for (bit, group) in groups.enumerated() where group.changed {
            mask |= 1 << bit
            arguments += group.values
        }
        arguments += key
        try db.cachedStatement(sql: statements[mask]).execute(arguments: arguments)
    }
}
