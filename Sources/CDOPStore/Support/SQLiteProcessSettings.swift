import CSQLiteSettings

/// SQLite's process-wide settings, applied once before the process's first connection opens (SQLite refuses
/// them afterwards, and then this changes nothing).
package enum SQLiteProcessSettings {
    /// Applies the settings the first time it is read; every opening of a store reads it first.
    package static let applied: Bool = {
        // Memory statistics would make every allocation of every connection queue on one mutex.
        cdop_sqlite3_disable_memory_statistics() == 0
    }()
}
