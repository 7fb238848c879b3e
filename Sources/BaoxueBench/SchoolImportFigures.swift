/// What `bench alerts --school-import` adds: a whole school's children, held back from the
/// county's first import, imported as one plain file halfway through the paced load (a school
/// joining the register, or a term's intake), and how the other changes' alerts fared while the
/// monitor took in its registrations (issue 16: a plain import of a school must not stall the
/// stream for everyone else either). Times in microseconds, from the moment the file was sent.
struct SchoolImportFigures: Codable {
    /// The school, its children in the file, and how many the registry registered.
    var school: String
    var rows: Int
    var imported: Int
    /// The import's answer.
    var replyMicroseconds: Double
    /// When the monitor had applied every registration of the file; `nil` when it had not
    /// within ``FollowerPacing``'s limit after the answer.
    var caughtUpMicroseconds: Double?
    /// The paced changes sent from the file's send until the monitor had caught up with it:
    /// accepted → SSE client.
    var othersDuring: Int
    var othersDuringLatencyMicroseconds: Percentiles
    /// The paced changes sent before the file or after that, for comparison.
    var othersOutsideLatencyMicroseconds: Percentiles
}
