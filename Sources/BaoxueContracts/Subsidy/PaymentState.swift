/// Where a payment stands with the bank: recorded and sent (pending), credited (paid), or returned
/// with a reason (failed) — then it may be reissued once the reason is corrected.
public enum PaymentState: String, Codable, Sendable, CaseIterable {
    case pending, paid, failed

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.pending, .zh): "待银行确认"
        case (.paid, .zh): "已到账"
        case (.failed, .zh): "发放失败"
        case (.pending, .en): "awaiting the bank"
        case (.paid, .en): "paid"
        case (.failed, .en): "failed"
        }
    }
}
