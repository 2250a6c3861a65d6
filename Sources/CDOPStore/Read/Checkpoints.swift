/// How far a consumer of the event stream has got, kept in the consumer's own transaction so the checkpoint
/// and the work it stands for commit together.
package enum Checkpoints {
    /// The last position `name` has processed; 0 when it has never run.
    package static func position(of name: String, in db: any SQLDatabase) throws -> Int64 {
        try db.value(Int64.self, "SELECT position FROM checkpoints WHERE name = ?", name) ?? 0
    }

    /// Records that `name` has processed everything up to `position`.
    package static func save(_ name: String, position: Int64, in db: any SQLDatabase) throws {
        try db.execute(
            """
            INSERT INTO checkpoints (name, position) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET position = excluded.position
            """, name, position)
    }

    /// Every checkpoint, by name.
    package static func all(in db: any SQLDatabase) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for row in try db.rows("SELECT name, position FROM checkpoints") {
            result[row[0]] = row[1]
        }
        return result
    }
}
