import CDOPStore

/// A task that works on a SQLite file (a backup, a restore, a privacy migration of the file) asked of a
/// panel whose database is PostgreSQL, where the server's own tools do it.
package struct SQLiteOnly: Error, Equatable, CustomStringConvertible {
    package var task: String
    package var location: String

    package var description: String {
        "\(task) works on a SQLite database file; this panel's database is PostgreSQL (\(location)): "
            + "use PostgreSQL's own tools (pg_dump, pg_basebackup, point-in-time recovery: Deploy/README.md), "
            + "or `cdop copy` to move the panel to a SQLite file first."
    }
}

extension Engine {
    /// The SQLite store, for what only a file allows; nil on PostgreSQL.
    package var sqliteStore: EventStore? { store as? EventStore }

    /// The SQLite store, or the reason `task` cannot be done on this panel's database.
    package func requireSQLite(for task: String) throws(SQLiteOnly) -> EventStore {
        guard let store = sqliteStore else { throw SQLiteOnly(task: task, location: store.location) }
        return store
    }
}
