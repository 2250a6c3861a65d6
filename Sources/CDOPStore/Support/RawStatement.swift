import CDOPPrimitives
import Foundation
import GRDB
import GRDBSQLite

/// Binding and stepping a GRDB-prepared statement through SQLite's C API, for the store's hot paths.
///
/// GRDB prepares, caches and finalises the statement and owns the connection and its transaction; this only
/// avoids building `StatementArguments` and `Row` values for every one of a million events.
package struct RawStatement {
    let handle: OpaquePointer
    let connection: OpaquePointer

    package init(_ statement: Statement, in db: Database) {
        handle = statement.sqliteStatement
        connection = db.sqliteConnection!
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private static var transient: sqlite3_destructor_type { sqliteTransient }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                handle, index,
                bytes.baseAddress.map(UnsafeRawPointer.init)?
                    .assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
        }
    }

    func bind(_ index: Int32, utf8 data: Data) {
        data.withUnsafeBytes { raw in
            if let base = raw.baseAddress, raw.count > 0 {
                _ = sqlite3_bind_text(
                    handle, index, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), Self.transient)
            } else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
        }
    }

    func bind(_ index: Int32, uuid: UUID) {
        UUIDText.withBytes(of: uuid) { bytes in
            _ = sqlite3_bind_text(
                handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self), 36,
                Self.transient)
        }
    }

    /// Steps once: true for a row, false when done; throws the SQLite error otherwise.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let message = String(cString: sqlite3_errmsg(connection))
            let extended = sqlite3_extended_errcode(connection)
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message)
        }
    }

    /// Runs a statement that returns no rows.
    func execute() throws {
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Binds `values` to the statement's parameters in order, every one of them, and runs it.
    package func execute<each Value: SQLiteBindable>(_ values: repeat each Value) throws {
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            value.bind(to: handle, at: index)
        }
        guard index == sqlite3_bind_parameter_count(handle) else {
            throw DatabaseError(
                resultCode: .SQLITE_RANGE,
                message:
                    "\(index) values for \(sqlite3_bind_parameter_count(handle)) parameters of \(String(cString: sqlite3_sql(handle)))"
            )
        }
        try execute()
    }

    func finish() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Columns

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let pointer = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    func string(_ column: Int32) -> String {
        withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    func data(_ column: Int32) -> Data {
        withBytes(column) { $0.isEmpty ? Data() : Data(buffer: $0) }
    }
}
