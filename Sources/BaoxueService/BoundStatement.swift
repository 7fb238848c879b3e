import Foundation
import GRDB
import GRDBSQLite

/// A statement run for every row of a batch, its arguments bound straight from Swift values
/// (``StatementBinder``) rather than through GRDB's `StatementArguments`, which boxes each value
/// into a `DatabaseValue` in an array made for the row: a tenth of the registry's write of an
/// imported student (decision 155). It is still GRDB that steps it, so the transaction's
/// bookkeeping and observers see it as any other statement.
///
/// Made for one transaction on one connection, as a ``Statement`` is, and not shared: it owns
/// its statement's bindings, which GRDB would otherwise set and clear.
public struct BoundStatement {
    private let statement: Statement

    public init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        // Arguments "set": `execute()` then steps the statement with what `run` binds.
        statement.setUncheckedArguments([])
    }

    /// Binds the arguments `bind` gives, in order, and runs the statement to its end.
    public func run(_ bind: (inout StatementBinder) -> Void) throws {
        let handle = statement.sqliteStatement
        // Binding needs the statement reset; a failed step's code was already thrown by `execute`.
        sqlite3_reset(handle)
        var binder = StatementBinder(handle)
        bind(&binder)
        try binder.check(statement)
        try statement.execute()
    }
}
