extension Duration {
    /// Whole milliseconds: deadlines on the wire, timeouts and backoffs.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }

    /// The duration in milliseconds, for reports and logs (how long a sweep or a cross-check took).
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
