/// An event body that states one thing's whole current state (a student's record, an alert as it
/// now stands), so that once a later event states it again, the earlier one says nothing a
/// subscriber needs: compaction may drop it (``Outbox/compact(_:through:limit:)``).
///
/// Bodies that record something that happened (a status change, a payment, a notice) are not
/// compactable: they are the county's history, few, and kept for every subscriber to come.
public protocol Compactable {
    /// What the body is the state of, unique across the publisher: `student:<number>`.
    var outboxKey: String { get }
}
