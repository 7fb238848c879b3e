/// Why an eligible child has no payment for the term: a gap to close, or a stated reason.
public enum CoverageGapKind: String, Codable, Sendable, CaseIterable {
    /// No payment at all, though a batch of the program has run for the term: 应助未助. Raises a
    /// `subsidyUnpaid` alert on the child's township.
    case unpaid
    /// The bank returned the payment and it has not been reissued. Raises `subsidyPaymentFailed`.
    case failed
    /// No batch of the program has run for the term where the child is: nothing to alert yet.
    case awaitingBatch
    /// A batch left the child out with a reason (``ExclusionReason``): stated, no alert.
    case excluded

    public var isStated: Bool { self == .excluded || self == .awaitingBatch }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.unpaid, .zh): "应助未助"
        case (.failed, .zh): "发放失败未补发"
        case (.awaitingBatch, .zh): "尚未发放"
        case (.excluded, .zh): "批次排除"
        case (.unpaid, .en): "eligible, not paid"
        case (.failed, .en): "failed, not reissued"
        case (.awaitingBatch, .en): "no batch yet"
        case (.excluded, .en): "excluded by a batch"
        }
    }
}
