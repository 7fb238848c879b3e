import BaoxueContracts
import Foundation

/// A students batch checked and encoded before it reaches the writer: the per-row work that
/// needs no database (consistency checks, the record's storage JSON) runs here, concurrently with
/// other batches, so the single write transaction does only SQL.
public struct StudentImportPlan: Sendable {
    public struct Row: Sendable {
        public var row: Int
        public var record: StudentRecord
        /// The record as stored (``RegistryStore/storageJSON(_:)`` bytes).
        public var recordJSON: Data
    }

    public var rows: [Row] = []
    public var rejected: [RowProblem] = []

    public init(_ batch: ImportBatch<StudentRecord>) {
        rejected = batch.invalidRows
        rows.reserveCapacity(batch.rows.count)
        for row in batch.rows {
            let problems = row.record.consistencyProblems()
            if problems.isEmpty {
                rows.append(Row(row: row.row, record: row.record, recordJSON: Data(row.record.jsonBytes())))
            } else {
                rejected += problems.map { RowProblem(row: row.row, column: $0.field, reason: $0.reason) }
            }
        }
    }
}
