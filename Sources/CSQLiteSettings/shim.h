#ifndef BAOXUE_CSQLITESETTINGS_SHIM_H
#define BAOXUE_CSQLITESETTINGS_SHIM_H
// sqlite3_config(3) is variadic, and variadic C functions are not imported into Swift.
#include <sqlite3.h>

/// Turns SQLite's memory statistics off for the whole process (SQLITE_CONFIG_MEMSTATUS): with
/// them on, every allocation SQLite makes takes a process-wide mutex to count it. Only valid
/// before SQLite is first used; returns SQLITE_OK, or SQLITE_MISUSE when it is too late.
static inline int baoxue_sqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
#endif
