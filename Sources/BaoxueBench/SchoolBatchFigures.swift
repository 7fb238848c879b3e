import Gateway

/// What `bench alerts --school-batch` adds: one request that marks a whole school's children as
/// dropped out, sent halfway through the paced load, and how the other changes' alerts fared
/// while its alerts went through (issue 16: a school's batch must not stall the stream for
/// everyone else). Times in microseconds, from the moment the batch was sent.
struct SchoolBatchFigures: Codable {
    /// The school, its children in the batch, and how many the registry applied.
    var school: String
    var rows: Int
    var applied: Int
    /// Rows a request: the gateway's parts (decision 139), or what `--batch-part` asked.
    var part: Int
    /// The registry's answer to the whole batch.
    var replyMicroseconds: Double
    /// The batch's first and last alert at the SSE client, and how many arrived.
    var firstAlertMicroseconds: Double
    var lastAlertMicroseconds: Double
    var alertsReceived: Int
    /// The paced changes sent while the batch's alerts were on their way (from the batch's send
    /// to its last alert): accepted → SSE client, the figure the stream's other readers see.
    var othersDuring: Int
    var othersDuringLatencyMicroseconds: Percentiles
    /// The paced changes sent before the batch or after its last alert, for comparison.
    var othersOutsideLatencyMicroseconds: Percentiles
}
