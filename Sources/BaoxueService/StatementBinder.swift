import Foundation
import GRDB
import GRDBSQLite

/// Binds a ``BoundStatement``'s arguments one after the other, each copied by SQLite
/// (`SQLITE_TRANSIENT`), so a Swift string's bytes need live only for the call.
public struct StatementBinder {
    private let handle: OpaquePointer
    private var index: Int32 = 1
    /// The first binding SQLite refused, if any.
    private var failure: Int32 = SQLITE_OK

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    /// A text argument; `nil` binds NULL.
    public mutating func text(_ value: String?) {
        guard var value else { return null() }
        let code = value.withUTF8 { bytes in
            // An empty string's buffer may have no address, which SQLite would read as NULL.
            bytes.isEmpty
                ? sqlite3_bind_text(handle, index, "", 0, transient)
                : sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
        advance(code)
    }

    /// A blob argument.
    public mutating func blob(_ value: Data) {
        let code = value.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), transient)
        }
        advance(code)
    }

    /// An integer argument.
    public mutating func integer(_ value: Int64) {
        advance(sqlite3_bind_int64(handle, index, value))
    }

    public mutating func null() {
        advance(sqlite3_bind_null(handle, index))
    }

    private mutating func advance(_ code: Int32) {
        if code != SQLITE_OK, failure == SQLITE_OK { failure = code }
        index += 1
    }

    /// Throws when a binding was refused or the count of arguments is not the statement's.
    func check(_ statement: Statement) throws {
        if failure != SQLITE_OK {
            throw DatabaseError(resultCode: ResultCode(rawValue: failure), message: "argument \(index - 1) could not be bound", sql: statement.sql)
        }
        let expected = sqlite3_bind_parameter_count(handle)
        guard index - 1 == expected else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(index - 1) arguments bound, the statement takes \(expected)", sql: statement.sql)
        }
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the value before the call returns.
    private var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }
}
