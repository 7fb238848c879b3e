/// The children waiting longest, of many offered one at a time: the first `limit` by days
/// (longest first), then by student number, and how many were offered. A gap list shows a
/// hundred children of a county's tens of thousands; keeping only those, rather than sorting
/// everyone, is what keeps `care gaps` fast.
struct TopWaits {
    let limit: Int
    private(set) var count = 0
    /// Kept in order, best first.
    private(set) var sorted: [(facts: CareFacts, days: Int)] = []

    init(limit: Int) {
        self.limit = max(limit, 0)
    }

    mutating func offer(_ facts: CareFacts, days: Int) {
        count += 1
        guard limit > 0 else { return }
        if sorted.count == limit, let last = sorted.last, !Self.before((facts, days), last) { return }
        // Binary search for the place: the list is short, the offers many.
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if Self.before(sorted[middle], (facts, days)) { low = middle + 1 } else { high = middle }
        }
        sorted.insert((facts, days), at: low)
        if sorted.count > limit { sorted.removeLast() }
    }

    private static func before(_ a: (facts: CareFacts, days: Int), _ b: (facts: CareFacts, days: Int)) -> Bool {
        a.days != b.days ? a.days > b.days : a.facts.number < b.facts.number
    }
}
