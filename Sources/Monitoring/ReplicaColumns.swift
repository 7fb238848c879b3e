import BaoxueMessaging

/// The indexed columns of the replica's `student` row that an event changed, and the `UPDATE`
/// that names only those (``SparseUpdate``, decision 161): an upsert naming every column
/// rewrote all six of the row's index entries for a status change that moves two.
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
    private static let update = SparseUpdate(
        table: "student",
        always: "name = ?, birth_date = ?, grade = ?, status_date = ?, expected_end = ?, registered_poor = ?, left_behind = ?, disability = ?, revision = ?, sex = ?, guardian_name = ?, guardian_phone = ?",
        groups: ["id_number = ?", "school = ?, township = ?", "status = ?", "family = ?", "documents_pending_since = ?"],
        key: "number = ?")

    var updateSQL: String { Self.update.sql(rawValue) }
}
