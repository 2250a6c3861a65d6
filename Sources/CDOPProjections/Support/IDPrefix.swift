import CDOPStore
import GRDB

/// Ids a person abbreviated: those in a read model's id column that start with what they typed.
enum IDPrefix {
    /// Ids in `table.column` starting with `prefix` (at most 2, enough to tell one from many).
    static func matches(_ prefix: String, table: String, column: String, in db: any SQLDatabase) throws -> [String] {
        try db.values(String.self, "SELECT \(column) FROM \(table) WHERE \(column) LIKE ? || '%' LIMIT 2", prefix)
    }
}
