import GRDB

/// Direct access to a database file a test's `cdop` wrote, outside cdop (synchronous, closed at once).
enum SQLiteFile {
    static func read<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    static func write(_ path: String, _ body: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction(body)
    }

    static func count(_ path: String, _ sql: String) throws -> Int {
        try read(path) { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }
}
