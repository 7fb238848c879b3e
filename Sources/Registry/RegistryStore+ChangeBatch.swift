import BaoxueContracts
import GRDB

extension RegistryStore {
    /// Applies a file's changes in order, each in a savepoint of the request's transaction: a row
    /// refused (the child unknown or out of reach, a change its status does not allow, a
    /// document rule) is rolled back alone and reported with its row and the field named; the
    /// others are applied and published as single changes are. A dry run rolls everything back
    /// at the end, so it answers exactly what the real run would, row by row, with later rows
    /// seeing earlier ones (a transfer out, then in).
    /// - Throws: `request.invalid` for more than ``ChangeBatch/maximumRows`` rows.
    public func changeBatch(_ db: Database, _ batch: ChangeBatch, actor: Actor, today: CivilDate, scope: AccessScope) throws -> ImportReport {
        guard batch.rows.count <= ChangeBatch.maximumRows else {
            throw ServiceError(.requestInvalid, "一次最多\(ChangeBatch.maximumRows)条变动，请分文件提交 (at most \(ChangeBatch.maximumRows) changes a request: split the file)")
        }
        var report = ImportReport()
        try db.inSavepoint {
            for row in batch.rows {
                do {
                    try db.inSavepoint {
                        _ = try changeStatus(db, row.record, actor: actor, today: today, scope: scope)
                        return .commit
                    }
                    report.imported += 1
                } catch let error as ServiceError where error.isRefusal {
                    report.rejected.append(RowProblem(row: row.row, column: error.problems?.first?.field, reason: error.message))
                }
            }
            return batch.dryRun ? .rollback : .commit
        }
        return report
    }
}
