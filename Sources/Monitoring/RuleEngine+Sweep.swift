import BaoxueContracts
import Foundation
import GRDB

/// The periodic sweep: the time rules (2, 3, 4, 6) for every child they could apply to, and the
/// end of probations. Event-driven evaluation covers changes; the sweep covers the passing of days.
extension RuleEngine {
    func sweep(_ db: Database, today: CivilDate) throws -> SweepReport {
        let started = ContinuousClock.now
        let startedAt = Timestamp.now()
        let lastAlert = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM alert")) ?? 0
        let lastCase = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM dropout_case")) ?? 0
        var report = SweepReport(today: today)

        // Probation over: the case is closed for good.
        report.casesClosed += try cases.endProbations(db, today: today)

        // Children a time rule could apply to: not in class as they should be, recently absent,
        // with a case, with documents missing, or with an open alert that may have lapsed.
        let horizon = today.adding(days: -absenceHorizonDays).description
        let candidates = try String.fetchAll(db.cachedStatement(sql: """
            SELECT number FROM student WHERE status IN ('transferredOut', 'suspended', 'droppedOut')
            UNION SELECT number FROM student WHERE documents_pending_since IS NOT NULL
            UNION SELECT student FROM absence WHERE date >= ?
            UNION SELECT student FROM dropout_case WHERE state != 'closed'
            UNION SELECT student FROM alert WHERE state != 'resolved'
            """), arguments: [horizon])
        for number in candidates {
            try evaluate(db, number: number, today: today)
        }
        report.children = candidates.count
        report.opened = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM alert WHERE id > ?"), arguments: [lastAlert]) ?? 0
        report.resolved = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM alert WHERE resolved_at >= ? AND id <= ?"), arguments: [startedAt, lastAlert]) ?? 0
        report.casesOpened = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM dropout_case WHERE id > ?"), arguments: [lastCase]) ?? 0
        report.milliseconds = (ContinuousClock.now - started).milliseconds
        return report
    }
}
