/// The indexed columns of the replica's `student` row that an event changed, and the `UPDATE`
/// that names only those (decision 161).
///
/// SQLite rewrites an index's entry for every column a `SET` names, whether or not its value
/// changed: an upsert naming every column rewrote all six of the row's index entries for a status
/// change that moves two. Each rewritten leaf is a page in the WAL, a copy in the checkpoint and
/// a b-tree descent. The statements for the 32 combinations are made once; a county's events use
/// two or three of them.
struct ReplicaColumns: OptionSet, Sendable {
    let rawValue: Int

    static let idNumber = ReplicaColumns(rawValue: 1)
    /// `school` and `township` together: both are in the same two indexes.
    static let place = ReplicaColumns(rawValue: 2)
    static let status = ReplicaColumns(rawValue: 4)
    static let family = ReplicaColumns(rawValue: 8)
    static let pendingSince = ReplicaColumns(rawValue: 16)

    /// The columns every update sets, none of them indexed, in the order of their arguments; the
    /// changed indexed ones follow in the order of the flags above, then the student number.
    private static let always = "name = ?, birth_date = ?, grade = ?, status_date = ?, expected_end = ?, registered_poor = ?, left_behind = ?, disability = ?, revision = ?, sex = ?, guardian_name = ?, guardian_phone = ?"

    private static let statements: [String] = (0..<32).map { bits in
        let columns = ReplicaColumns(rawValue: bits)
        var sets = always
        if columns.contains(.idNumber) { sets += ", id_number = ?" }
        if columns.contains(.place) { sets += ", school = ?, township = ?" }
        if columns.contains(.status) { sets += ", status = ?" }
        if columns.contains(.family) { sets += ", family = ?" }
        if columns.contains(.pendingSince) { sets += ", documents_pending_since = ?" }
        return "UPDATE student SET \(sets) WHERE number = ?"
    }

    var updateSQL: String { Self.statements[rawValue] }
}
