import BaoxueContracts
import Foundation
import GRDB

/// The periodic sweep: the time rules (2, 3, 4, 6) for every child they could apply to, and the
/// end of probations. Event-driven evaluation covers changes; the sweep covers the passing of days.
extension MonitorStore {
    func sweep(_ db: Database, today: CivilDate) throws -> SweepReport {
        let started = ContinuousClock.now
        let startedAt = Timestamp.now()
        let lastAlert = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM alert")) ?? 0
        let lastCase = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM dropout_case")) ?? 0
        var report = SweepReport(today: today)

        // Probation over: the case is closed for good.
        let ended = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, probation_until FROM dropout_case WHERE state = 'probation' AND probation_until < ?"), arguments: [today.description])
        for row in ended {
            let id: Int64 = row["id"]
            try db.cachedStatement(sql: "UPDATE dropout_case SET state = 'closed' WHERE id = ?").execute(arguments: [id])
            try history(db, id, actor: "monitor", kind: "closed", detail: "观察期至\(row["probation_until"] as String)结束，销号 (probation ended: closed)")
            try publishCase(db, id: id, today: today)
            report.casesClosed += 1
        }

        // Children a time rule could apply to: not in class as they should be, recently absent,
        // with a case, or with an open alert that may have lapsed.
        let horizon = today.adding(days: -absenceHorizonDays).description
        let candidates = try String.fetchAll(db.cachedStatement(sql: """
            SELECT number FROM student WHERE status IN ('transferredOut', 'suspended', 'droppedOut')
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

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
