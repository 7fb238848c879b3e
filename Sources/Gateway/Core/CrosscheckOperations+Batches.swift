import BaoxueCSV
import BaoxueContracts

extension CrosscheckOperations {
    /// The gateway's share of a roster import without the monitor: the rows of `table` in
    /// ID-number order, checked, cut into the batches ``importRoster(_:encoding:actor:batchSize:progress:)``
    /// would send. `baoxue bench crosscheck` times it alone, to say where an import's CPU goes.
    public static func checkedBatches(_ table: Table<RosterField>, batchSize: Int) -> [RosterBatch] {
        let order = idOrder(table.rows)
        var checker = RowChecker.roster(expectedRows: table.rows.count)
        var batches: [RosterBatch] = []
        for start in stride(from: 0, to: order.count, by: batchSize) {
            batches.append(RosterBatch(rows: checker.check(order[start..<min(start + batchSize, order.count)].lazy.map { table.rows[$0] }).0))
        }
        return batches
    }
}
