import Gateway

/// Percentiles of a latency sample, in microseconds.
struct Percentiles: Codable {
    var p50: Double
    var p99: Double
    var max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        p50 = at(0.5)
        p99 = at(0.99)
        self.max = sorted.last ?? 0
    }
}
