import BaoxueMessaging

extension Outbox {
    /// The care service's outbox: every part of ``CareStore`` appends its events here, in the
    /// caller's transaction, under the one publisher name its subscribers know.
    static let care = Outbox(publisher: "care")
}
