/// `subsidy.payments.reissue`: pay a failed payment again, once what failed (an account, a name)
/// has been corrected. The new payment names the failed one; a payment is reissued at most once,
/// and never while the child has another live payment of the program and term.
public struct PaymentReissue: Codable, Sendable {
    public var id: Int64
    /// What was corrected (required): 已更正银行卡号.
    public var note: String

    public init(id: Int64, note: String) {
        self.id = id
        self.note = note
    }
}
