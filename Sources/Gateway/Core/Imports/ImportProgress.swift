/// Progress of a long import, reported after each batch: rows done of rows total.
public typealias ImportProgress = @Sendable (_ done: Int, _ total: Int) -> Void
