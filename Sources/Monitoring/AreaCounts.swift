/// What one area (the county, a township, a school) counts in a year's figures: its register, its
/// case moves and open cases, and its open suspects. ``YearFiguresReporter`` groups them once by
/// township and by school rather than filter every count for every line.
struct AreaCounts {
    var register: [RegisterCount] = []
    var moves: [CaseMove] = []
    var open: [CaseMove] = []
    var suspects: [(township: String, school: String, count: Int)] = []

    var suspectsOpen: Int { suspects.reduce(0) { $0 + $1.count } }

    /// These counts split by `key` (a township or school code) of each count's place.
    func grouped(by key: (_ township: String, _ school: String) -> String) -> [String: AreaCounts] {
        var groups: [String: AreaCounts] = [:]
        for count in register { groups[key(count.township, count.school), default: AreaCounts()].register.append(count) }
        for move in moves { groups[key(move.township, move.school), default: AreaCounts()].moves.append(move) }
        for move in open { groups[key(move.township, move.school), default: AreaCounts()].open.append(move) }
        for suspect in suspects { groups[key(suspect.township, suspect.school), default: AreaCounts()].suspects.append(suspect) }
        return groups
    }
}
