import BaoxueContracts
import GRDB

/// Home-delivered teaching in a period, per child, read once and summed for each line of the
/// year's figures: sessions on placements (`home_teaching_session`) and on cases before they
/// closed (`teaching_session`), and each placement's quota over the days it ran in the period
/// (decision 128).
struct TeachingLog {
    struct Child {
        var township: String
        var school: String
        var lessons: Int
        var sessions: Int
    }

    struct Placement {
        var township: String
        var school: String
        var quotaLessons: Int
    }

    let children: [String: Child]
    let placements: [Placement]

    init(_ db: Database, from: CivilDate, to: CivilDate, _ filter: AreaFilter) throws {
        let period: StatementArguments = [from.description, to.description]
        let (placementCondition, placementArguments) = filter.condition(township: "p.township", school: "p.school")
        let (caseCondition, caseArguments) = filter.condition(township: "c.township", school: "c.school")
        var children: [String: Child] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.student, p.township, p.school, SUM(s.lessons) AS lessons, COUNT(*) AS sessions
            FROM home_teaching_session s JOIN home_teaching p ON p.id = s.placement_id
            WHERE s.date BETWEEN ? AND ? \(placementCondition) GROUP BY p.student
            UNION ALL
            SELECT c.student, c.township, c.school, SUM(s.lessons), COUNT(*)
            FROM teaching_session s JOIN dropout_case c ON c.id = s.case_id
            WHERE s.date BETWEEN ? AND ? \(caseCondition) GROUP BY c.student
            """, arguments: period + placementArguments + period + caseArguments)
        for row in rows {
            let student: String = row[0]
            var child = children[student] ?? Child(township: row[1], school: row[2], lessons: 0, sessions: 0)
            child.lessons += row[3] as Int
            child.sessions += row[4] as Int
            children[student] = child
        }
        self.children = children
        let first = from.dayNumber, last = to.dayNumber
        let yearDays = CivilDate(year: from.year, month: 12, day: 31)!.dayNumber - CivilDate(year: from.year, month: 1, day: 1)!.dayNumber + 1
        placements = try Row.fetchAll(db, sql: """
            SELECT p.township, p.school, p.started_on, p.ended_on, p.lessons_per_year FROM home_teaching p
            WHERE p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on >= ?) \(placementCondition)
            """, arguments: [to.description, from.description] + placementArguments).map { row in
            let started = CivilDate(parsing: row[2] as String)?.dayNumber ?? first
            let ended = (row[3] as String?).flatMap { CivilDate(parsing: $0)?.dayNumber } ?? last
            let days = max(0, min(ended, last) - max(started, first) + 1)
            return Placement(township: row[0], school: row[1], quotaLessons: (row[4] as Int) * days / yearDays)
        }
    }

    /// The figures of the children and placements `include` takes.
    func figures(_ include: (_ township: String, _ school: String) -> Bool) -> TeachingFigures {
        var figures = TeachingFigures()
        for child in children.values where include(child.township, child.school) {
            figures.children += 1
            figures.lessons += child.lessons
            figures.sessions += child.sessions
        }
        for placement in placements where include(placement.township, placement.school) {
            figures.placements += 1
            figures.quotaLessons += placement.quotaLessons
        }
        return figures
    }
}
