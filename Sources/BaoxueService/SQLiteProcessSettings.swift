import CSQLiteSettings

/// SQLite's process-wide settings, made once at startup before any database is opened
/// (``ProcessStartup``).
///
/// Memory statistics are turned off (decision 156): with them on, SQLite counts every allocation
/// it makes under a process-wide mutex, some hundred thousand times a second on the registry's
/// writer during an import (the row's record, each index key), and no Baoxue code reads them. The
/// registry's own SQL on an import's rows ran 7% faster without them.
public enum SQLiteProcessSettings {
    /// Applies the settings; false when SQLite was already in use in this process (a test run
    /// that opened a database first), where they cannot change and SQLite's defaults stay.
    @discardableResult
    public static func apply() -> Bool {
        baoxue_sqlite_disable_memory_statistics() == SQLITE_OK
    }
}
