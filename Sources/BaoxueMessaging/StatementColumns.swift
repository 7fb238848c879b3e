import GRDB

/// The row a statement is on, read by position straight from SQLite.
///
/// A `Row` made over a statement first folds every column name to lower case into a dictionary
/// (for look-ups by name), once per query. The monitor runs five such queries for every event it
/// applies; that bookkeeping was a tenth of its CPU during a county's first load (docs/scaling.md).
/// Reading by position needs none of it. Valid only inside the closure it is given to
/// (``GRDB/Statement/fetchFirst(arguments:_:)``): the next step moves the statement on.
public struct StatementColumns: PositionalColumns {
    @usableFromInline let sqliteStatement: SQLiteStatement

    @usableFromInline init(sqliteStatement: SQLiteStatement) {
        self.sqliteStatement = sqliteStatement
    }

    /// Inlinable so that each reader's types are known where it is compiled (a String read as a
    /// String, not through the generic witness).
    @inlinable
    public subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value {
        let value = DatabaseValue(sqliteStatement: sqliteStatement, index: CInt(index))
        guard let decoded = Value.fromDatabaseValue(value) else {
            preconditionFailure("column \(index) holds \(value), not a \(Value.self)")
        }
        return decoded
    }
}
