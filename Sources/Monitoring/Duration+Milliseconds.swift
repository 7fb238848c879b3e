extension Duration {
    /// The duration in milliseconds, as the sweep and the cross-check report how long they took.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
