import Foundation
import GRDB
import GRDBSQLite

/// A value bound straight to a statement parameter through SQLite's C API, stored as GRDB would store it
/// (text, integer, real or NULL), so rows written either way compare equal.
package protocol SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32)
}

/// `SQLITE_TRANSIENT`: SQLite copies the bytes before the call returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension String: SQLiteBindable {
    package func bind(to statement: OpaquePointer, at index: Int32) {
        var text = self
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                _ = sqlite3_bind_text(
                    statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                    sqliteTransient)
            } else {
                _ = sqlite3_bind_text(statement, index, "", 0, sqliteTransient)
            }
        }
    }
}

extension Int: SQLiteBindable {
    package func bind(to statement: OpaquePointer, at index: Int32) {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Int64: SQLiteBindable {
    package func bind(to statement: OpaquePointer, at index: Int32) {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Bool: SQLiteBindable {
    package func bind(to statement: OpaquePointer, at index: Int32) {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

extension Double: SQLiteBindable {
    package func bind(to statement: OpaquePointer, at index: Int32) {
        sqlite3_bind_double(statement, index, self)
    }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    package func bind(to statement: OpaquePointer, at index: Int32) {
        switch self {
        case .some(let value): value.bind(to: statement, at: index)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}

extension Database {
    /// The cached statement for `sql`, bound and stepped through SQLite's C API: for the writes a rebuild makes
    /// a million of, where building GRDB's `StatementArguments` for every row costs more than SQLite's insert.
    package func rawStatement(_ sql: String) throws -> RawStatement {
        RawStatement(try cachedStatement(sql: sql), in: self)
    }
}
