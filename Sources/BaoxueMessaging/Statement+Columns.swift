import GRDB

extension Statement {
    /// The first row this statement returns with `arguments`, read by `decode` while the
    /// statement is on it; nil when there is none. Neither a `Row` nor a copy of the row is made
    /// (``StatementColumns``).
    public func fetchFirst<T>(arguments: StatementArguments, _ decode: (StatementColumns) throws -> T) throws -> T? {
        // A cursor over the first column steps the statement (resetting it and binding the
        // arguments as GRDB does for any fetch); the other columns are read beside it.
        let cursor = try DatabaseValue.fetchCursor(self, arguments: arguments)
        return try withExtendedLifetime(cursor) {
            guard try cursor.next() != nil else { return nil }
            return try decode(StatementColumns(sqliteStatement: sqliteStatement))
        }
    }

    /// Every row this statement returns with `arguments`, each given to `body` while the
    /// statement is on it (``StatementColumns``).
    public func forEachRow(arguments: StatementArguments, _ body: (StatementColumns) throws -> Void) throws {
        let cursor = try DatabaseValue.fetchCursor(self, arguments: arguments)
        try withExtendedLifetime(cursor) {
            while try cursor.next() != nil {
                try body(StatementColumns(sqliteStatement: sqliteStatement))
            }
        }
    }
}
