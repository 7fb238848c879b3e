import BaoxueMessaging

extension Outbox {
    /// The subsidy service's outbox: every store appends its events here, in the caller's
    /// transaction, under the publisher name its subscribers know.
    static let subsidy = Outbox(publisher: "subsidy")
}
