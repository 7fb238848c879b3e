import GRDB

extension Row {
    /// The first row `statement` returns, read by `decode` while the statement still holds it.
    ///
    /// `Row.fetchOne` copies the row first (its values and its column names, into a dictionary)
    /// so that it outlives the statement; a caller that turns the row into a value at once does
    /// not need the copy. The monitor reads a case, a child and an alert this way for every
    /// status change it applies.
    public static func fetchFirst<T>(_ statement: Statement, arguments: StatementArguments, _ decode: (Row) throws -> T) throws -> T? {
        let cursor = try fetchCursor(statement, arguments: arguments)
        return try withExtendedLifetime(cursor) {
            try cursor.next().map(decode)
        }
    }
}
