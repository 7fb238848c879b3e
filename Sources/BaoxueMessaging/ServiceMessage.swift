import BaoxueContracts

/// The messages every service answers, whatever else it serves.
public enum ServiceMessage {
    /// Who the service is, since when, how far its outbox has got, whom it follows, what it holds.
    public static let status = Message<StatusQuery, ServiceHealth>("service.status")

    /// `<publisher>.replay`: the events after a sequence number, from the publisher's outbox. The
    /// reply's ``ReplayBatch`` is followed by three frames per event (topic, header, body).
    public static func replay(_ publisher: String) -> Message<ReplayRequest, ReplayBatch> {
        Message("\(publisher).replay")
    }
}
