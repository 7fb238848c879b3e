import BaoxueMessaging

extension Outbox {
    /// The monitor's outbox. Every part of ``MonitorStore`` appends its events here, in the
    /// caller's transaction, under the one publisher name its subscribers know.
    static let monitor = Outbox(publisher: "monitor")
}
