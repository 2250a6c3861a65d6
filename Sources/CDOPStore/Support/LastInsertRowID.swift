import GRDB
import GRDBSQLite

/// The rowid of the last INSERT on `db`'s connection: the event's global position.
func sqlite3LastInsertRowID(_ db: Database) -> Int64 {
    sqlite3_last_insert_rowid(db.sqliteConnection)
}
