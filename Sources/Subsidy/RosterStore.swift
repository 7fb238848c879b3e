import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The family rosters (建档立卡、低保、特困、孤儿、残疾名单): imports in three steps (begin, rows in
/// batches, finish), who is on which list and when, and the school-age people on a list whom no
/// school holds (published to the monitor's cross-check as `subsidy.unmatched.<township>`).
///
/// An import is one source's whole roster on its date. Applying it opens a stay on a list for
/// whoever is new, keeps those already on it, and — when the file had no refused row — closes
/// the stay of whoever is missing, as of that date: they stay eligible for the term they left
/// in, and stop from the next. Importing the same file again changes nothing.
struct RosterStore: Sendable {
    // MARK: Importing

    func begin(_ db: Database, _ start: FamilyRosterStart, actor: Actor, today: CivilDate) throws -> FamilyRosterImport {
        guard start.listedOn <= today else {
            throw ServiceError(.subsidyBadDate, "名单日期\(start.listedOn)晚于今天 (the list's date \(start.listedOn) is after today)", problems: [FieldProblem(field: "listedOn", reason: "not after today")])
        }
        if let fileName = start.fileName, fileName.count > 200 {
            throw ServiceError(.subsidyInvalid, "文件名最多200字 (a file name is at most 200 characters)", problems: [FieldProblem(field: "fileName", reason: "at most 200 characters")])
        }
        if let last = try String.fetchOne(db.cachedStatement(sql: "SELECT MAX(listed_on) FROM roster_import WHERE source = ? AND state = 'applied'"), arguments: [start.source.rawValue]),
            start.listedOn.description < last {
            throw ServiceError(.subsidyRosterOutOfOrder, "\(start.source.chinese)已导入\(last)的名单，不能再导入更早（\(start.listedOn)）的 (a roster of \(last) from \(start.source.english) is already applied; an older one cannot follow it)", problems: [FieldProblem(field: "listedOn", reason: "on or after \(last)")])
        }
        try db.cachedStatement(sql: "INSERT INTO roster_import (source, listed_on, file_name, state, started_at, started_by) VALUES (?, ?, ?, 'open', ?, ?)")
            .execute(arguments: [start.source.rawValue, start.listedOn.description, start.fileName, Timestamp.now(), actor.user])
        return try fetch(db, id: db.lastInsertedRowID)!
    }

    /// Stages rows of an open import. A row sent twice is counted unchanged the second time.
    func stage(_ db: Database, _ batch: FamilyRosterBatch) throws -> ImportReport {
        let open = try requireOpen(db, batch.importID)
        var report = ImportReport()
        let insert = try db.cachedStatement(sql: """
            INSERT INTO roster_row (import_id, id_number, category, name, householder, township, detail, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (import_id, id_number, category) DO NOTHING
            """)
        for numbered in batch.rows {
            let row = numbered.record
            let problems = row.consistencyProblems(source: open.source)
            guard problems.isEmpty else {
                report.rejected += problems.map { RowProblem(row: numbered.row, column: $0.field, reason: $0.reason) }
                continue
            }
            try insert.execute(arguments: [batch.importID, row.idNumber.value, row.category.rawValue, row.name, row.householder, row.township, row.detail, numbered.row])
            if db.changesCount > 0 { report.imported += 1 } else { report.unchanged += 1 }
        }
        try db.cachedStatement(sql: "UPDATE roster_import SET rows = (SELECT COUNT(*) FROM roster_row WHERE import_id = ?1) WHERE id = ?1").execute(arguments: [batch.importID])
        return report
    }

    /// Applies an import: stays on lists opened, kept and (for a complete file) closed as of its
    /// date; the unmatched school-age children published. Finishing an applied import again
    /// answers what it did.
    func finish(_ db: Database, _ request: FamilyRosterFinish, today: CivilDate) throws -> FamilyRosterImport {
        guard let current = try fetch(db, id: request.importID) else { throw Self.notFound(request.importID) }
        guard current.state == .open else { return current }
        let id = request.importID, day = current.listedOn.description, source = current.source.rawValue
        let categories = current.source.categories.map(\.rawValue)
        let placeholders = categories.map { _ in "?" }.joined(separator: ", ")

        // Those already on the list stay; what the office now writes about them is kept.
        try db.execute(sql: """
            UPDATE membership SET name = r.name, householder = r.householder, township = r.township, detail = r.detail
            FROM roster_row r
            WHERE r.import_id = ? AND membership.id_number = r.id_number AND membership.category = r.category AND membership.until IS NULL
              AND (membership.name IS NOT r.name OR membership.householder IS NOT r.householder OR membership.township IS NOT r.township OR membership.detail IS NOT r.detail)
            """, arguments: [id])
        try db.execute(sql: """
            INSERT INTO membership (id_number, category, source, name, householder, township, detail, since, joined_import)
            SELECT r.id_number, r.category, ?, r.name, r.householder, r.township, r.detail, ?, r.import_id FROM roster_row r
            WHERE r.import_id = ? AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.id_number = r.id_number AND m.category = r.category AND m.until IS NULL)
            """, arguments: [source, day, id])
        let joined = db.changesCount
        let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roster_row WHERE import_id = ?", arguments: [id]) ?? 0

        var left = 0
        if request.complete {
            let missing = "until IS NULL AND category IN (\(placeholders)) AND NOT EXISTS (SELECT 1 FROM roster_row r WHERE r.import_id = ? AND r.id_number = membership.id_number AND r.category = membership.category)"
            var arguments = StatementArguments(categories)
            arguments += StatementArguments([id])
            // A stay opened on this very date (by an earlier import of the same day) never took
            // effect: it goes; every other stay is closed, and kept.
            try db.execute(sql: "DELETE FROM membership WHERE since = ? AND \(missing)", arguments: ([day] as StatementArguments) + arguments)
            left += db.changesCount
            try db.execute(sql: "UPDATE membership SET until = ?, left_import = ? WHERE \(missing)", arguments: ([day, id] as StatementArguments) + arguments)
            left += db.changesCount
        }

        let people = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT id_number) FROM roster_row WHERE import_id = ?", arguments: [id]) ?? 0
        let matched = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT r.id_number) FROM roster_row r JOIN student s ON s.id_number = r.id_number WHERE r.import_id = ?", arguments: [id]) ?? 0
        let window = CompulsoryAge.birthKeys(on: current.listedOn)
        let unmatchedSchoolAge = try Int.fetchOne(db, sql: """
            SELECT COUNT(DISTINCT r.id_number) FROM roster_row r
            WHERE r.import_id = ? AND substr(r.id_number, 7, 8) BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM student s WHERE s.id_number = r.id_number)
            """, arguments: [id, window.from, window.to]) ?? 0
        try db.execute(sql: """
            UPDATE roster_import SET state = 'applied', applied_at = ?, rows = ?, matched = ?, unmatched = ?, unmatched_school_age = ?,
                joined = ?, unchanged = ?, left_count = ?, closing_skipped = ? WHERE id = ?
            """, arguments: [Timestamp.now(), rows, matched, people - matched, unmatchedSchoolAge, joined, rows - joined, left, !request.complete, id])
        try db.execute(sql: "DELETE FROM roster_row WHERE import_id = ?", arguments: [id])
        try reconcileUnlisted(db, today: today)
        return try fetch(db, id: id)!
    }

    func requireOpen(_ db: Database, _ id: Int64) throws -> FamilyRosterImport {
        guard let found = try fetch(db, id: id) else { throw Self.notFound(id) }
        guard found.state == .open else {
            throw ServiceError(.subsidyRosterApplied, "名单导入\(id)已生效，不能再添加行；请重新导入 (roster import \(id) is already applied; start a new import)")
        }
        return found
    }

    // MARK: The children the schools do not know

    /// Publishes the school-age children on a current list whom no school holds, and withdraws
    /// those who are no longer such (registered since, left every list, or grown out of the age):
    /// the monitor's cross-check keeps exactly this set as suspects. Runs after every import and
    /// on the service's sweep.
    func reconcileUnlisted(_ db: Database, today: CivilDate) throws {
        let window = CompulsoryAge.birthKeys(on: today)
        var wanted: [String: (name: String, township: String, categories: [FamilyCategory], since: String)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT m.id_number, m.name, m.township, m.category, m.since FROM membership m
            WHERE m.until IS NULL AND substr(m.id_number, 7, 8) BETWEEN ? AND ?
              AND NOT EXISTS (SELECT 1 FROM student s WHERE s.id_number = m.id_number)
            ORDER BY m.id_number, m.category
            """, arguments: [window.from, window.to])
        while let row = try rows.next() {
            let idNumber: String = row["id_number"]
            let category = FamilyCategory(rawValue: row["category"]) ?? .registeredPoor
            if var known = wanted[idNumber] {
                known.categories.append(category)
                known.since = min(known.since, row["since"])
                wanted[idNumber] = known
            } else {
                wanted[idNumber] = (row["name"], row["township"], [category], row["since"])
            }
        }
        var published: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id_number, township FROM unlisted_child") { published[row[0]] = row[1] }
        let day = today.description
        for (idNumber, child) in wanted.sorted(by: { $0.key < $1.key }) where published[idNumber] == nil {
            let event = UnlistedChildEvent(idNumber: idNumber, name: child.name, township: child.township, categories: child.categories, listedOn: CivilDate(parsing: child.since) ?? today, listed: true)
            _ = try Outbox.subsidy.append(db, type: SubsidyMessage.Event.unmatched, topic: "\(SubsidyMessage.Event.unmatched).\(child.township)", body: event, actor: nil)
            try db.execute(sql: "INSERT INTO unlisted_child (id_number, township, published_on) VALUES (?, ?, ?)", arguments: [idNumber, child.township, day])
        }
        for (idNumber, township) in published.sorted(by: { $0.key < $1.key }) where wanted[idNumber] == nil {
            let name = try String.fetchOne(db, sql: "SELECT name FROM membership WHERE id_number = ? ORDER BY id DESC LIMIT 1", arguments: [idNumber]) ?? ""
            let event = UnlistedChildEvent(idNumber: idNumber, name: name, township: township, categories: [], listedOn: today, listed: false)
            _ = try Outbox.subsidy.append(db, type: SubsidyMessage.Event.unmatched, topic: "\(SubsidyMessage.Event.unmatched).\(township)", body: event, actor: nil)
            try db.execute(sql: "DELETE FROM unlisted_child WHERE id_number = ?", arguments: [idNumber])
        }
    }

    // MARK: Reading

    func fetch(_ db: Database, id: Int64) throws -> FamilyRosterImport? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM roster_import WHERE id = ?"), arguments: [id]).map(Self.rosterImport)
    }

    func list(_ db: Database, _ query: FamilyRosterQuery) throws -> [FamilyRosterImport] {
        let limit = min(max(query.limit, 1), 1_000)
        if let source = query.source {
            return try Row.fetchAll(db, sql: "SELECT * FROM roster_import WHERE source = ? ORDER BY id DESC LIMIT ?", arguments: [source.rawValue, limit]).map(Self.rosterImport)
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM roster_import ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.rosterImport)
    }

    /// People on a current list whom no registered child matches, masked, school-age first.
    func unmatched(_ db: Database, _ query: UnmatchedQuery, today: CivilDate) throws -> [UnmatchedPerson] {
        let window = CompulsoryAge.birthKeys(on: today)
        var conditions = ["m.until IS NULL", "NOT EXISTS (SELECT 1 FROM student s WHERE s.id_number = m.id_number)"]
        var arguments: StatementArguments = [window.from, window.to]
        if let township = query.township { conditions.append("m.township = ?"); arguments += [township] }
        if query.schoolAgeOnly { conditions.append("substr(m.id_number, 7, 8) BETWEEN ?1 AND ?2") }
        arguments += [min(max(query.limit, 1), 1_000)]
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id_number, MAX(m.name) AS name, group_concat(m.category) AS categories, MAX(m.householder) AS householder,
                   MAX(m.township) AS township, MIN(m.since) AS since, substr(m.id_number, 7, 8) BETWEEN ?1 AND ?2 AS school_age
            FROM membership m WHERE \(conditions.joined(separator: " AND "))
            GROUP BY m.id_number ORDER BY school_age DESC, township, name, MIN(m.id) LIMIT ?
            """, arguments: arguments)
        return rows.map { row in
            let idNumber: String = row["id_number"]
            let categories = ((row["categories"] as String?) ?? "").split(separator: ",").compactMap { FamilyCategory(rawValue: String($0)) }
            return UnmatchedPerson(
                idNumber: Masking.idNumber(idNumber), name: row["name"], categories: categories,
                householder: row["householder"], township: row["township"], birthYear: Masking.birthYear(CivilDate(parsing: String(idNumber.dropFirst(6).prefix(8))) ?? today),
                schoolAge: row["school_age"], listedSince: CivilDate(parsing: row["since"]) ?? today)
        }
    }

    /// Every stay on a list of the person with `idNumber`, oldest first.
    func basis(_ db: Database, idNumber: String) throws -> [EligibilityBasis] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT category, source, since, until FROM membership WHERE id_number = ? ORDER BY since, category"), arguments: [idNumber]).compactMap { row in
            guard let category = FamilyCategory(rawValue: row["category"]), let since = CivilDate(parsing: row["since"]) else { return nil }
            return EligibilityBasis(category: category, source: category.source, since: since, until: (row["until"] as String?).flatMap(CivilDate.init(parsing:)))
        }
    }

    static func rosterImport(_ row: Row) -> FamilyRosterImport {
        FamilyRosterImport(
            id: row["id"], source: RosterSource(rawValue: row["source"]) ?? .poverty, listedOn: CivilDate(parsing: row["listed_on"])!,
            fileName: row["file_name"], state: FamilyRosterImport.State(rawValue: row["state"]) ?? .open, startedAt: row["started_at"],
            startedBy: row["started_by"], appliedAt: row["applied_at"], rows: row["rows"], matched: row["matched"], unmatched: row["unmatched"],
            unmatchedSchoolAge: row["unmatched_school_age"], joined: row["joined"], unchanged: row["unchanged"], left: row["left_count"],
            closingSkipped: row["closing_skipped"])
    }

    static func notFound(_ id: Int64) -> ServiceError {
        ServiceError(.subsidyRosterNotFound, "没有编号为\(id)的名单导入 (no roster import \(id))")
    }
}
