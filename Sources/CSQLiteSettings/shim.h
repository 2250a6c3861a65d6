#ifndef CDOP_CSQLITESETTINGS_SHIM_H
#define CDOP_CSQLITESETTINGS_SHIM_H

// Process-wide SQLite settings. sqlite3_config is variadic, which Swift cannot call, so each setting gets a
// typed static inline wrapper here (the CCurl pattern). They only take effect before SQLite initialises.

#include <sqlite3.h>

/// Turns off SQLite's memory statistics. With them on (Debian's default, built without lookaside), every
/// allocation by every connection takes one process-wide mutex: threads writing separate databases at once
/// queue on it. cdop never reads those statistics.
static inline int cdop_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
