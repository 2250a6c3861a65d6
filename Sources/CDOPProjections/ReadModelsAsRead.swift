import CDOPStore

/// The read models as they read, the same in any database holding the same events whatever its keys: what two
/// databases are compared by (a demo loaded twice, a migrated copy). A sealed column's bytes depend on its
/// subject's key, so it is opened; a token column holds keyed hashes of another column, so it is left out.
package enum ReadModelsAsRead {
    /// The columns sealed under a subject's key (`ReadModelSealing`), by table.
    package static let sealedColumns: [String: Set<String>] = [
        "case_summaries": ["child_name", "date_of_birth"], "form_requests": ["contact_email"],
        "outbox": ["recipient_address", "agency_name"],
    ]
    /// The columns holding search tokens, by table.
    package static let tokenColumns: [String: Set<String>] = [
        "case_summaries": ["folded_names", "nhs_number"], "case_duplicate_keys": ["key"],
    ]

    /// Every row of `table` as it reads, sorted.
    package static func rows(of table: String, in db: any SQLDatabase) throws -> [[SQLValue]] {
        try self.table(table, in: db).rows
    }

    /// The columns compared of `table` (all but its token columns), and every row as it reads, sorted.
    package static func table(_ table: String, in db: any SQLDatabase) throws -> (columns: [String], rows: [[SQLValue]])
    {
        let columns = try db.columns(of: table).filter { !(tokenColumns[table] ?? []).contains($0) }
        let rows = try db.opening(
            Array(sealedColumns[table] ?? []),
            of: db.rows("SELECT \(columns.joined(separator: ", ")) FROM \(table)")
        )
        .map(\.values)
        return (columns, rows.sorted(by: precedes))
    }

    /// The order rows are sorted in: column by column (`SQLValue`'s order).
    package static func precedes(_ left: [SQLValue], _ right: [SQLValue]) -> Bool {
        left.lexicographicallyPrecedes(right)
    }
}
