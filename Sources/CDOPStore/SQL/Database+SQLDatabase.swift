import Foundation
import GRDB
import GRDBSQLite

/// GRDB's connection as a `SQLDatabase`: statements prepared once and cached by GRDB, values bound and rows read
/// through SQLite's C API (as `RawStatement` does for the store's own hot paths).
extension Database: SQLDatabase {
    package var engine: SQLEngine { .sqlite }

    package func run(_ sql: String, bindings arguments: [SQLValue]) throws {
        guard !arguments.isEmpty else {
            try execute(sql: sql)
            return
        }
        let statement = try bound(sql, arguments)
        while try statement.step() {}
        statement.finish()
    }

    package func fetch(_ sql: String, bindings arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try bound(sql, arguments)
        defer { statement.finish() }
        let count = sqlite3_column_count(statement.handle)
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement.handle, $0)) }
        var rows: [SQLRow] = []
        while try statement.step() {
            rows.append(SQLRow(columns: columns, values: (0..<count).map(statement.value)))
        }
        return rows
    }

    // Through the SQL functions registered on every connection with the store's protection (`ReadModelSealing`).
    package func sealColumn(_ text: String, subject: String) throws -> String {
        try value(String.self, "SELECT cdop_seal(?, ?)", subject, text) ?? text
    }

    package func openColumn(_ stored: String) throws -> String {
        try value(String.self, "SELECT cdop_open(?)", stored) ?? stored
    }

    package func searchToken(_ term: String) throws -> String {
        try value(String.self, "SELECT cdop_token(?)", term) ?? term
    }

    package func searchTokens(_ terms: String) throws -> String {
        try value(String.self, "SELECT cdop_tokens(?)", terms) ?? terms
    }

    private func bound(_ sql: String, _ arguments: [SQLValue]) throws -> RawStatement {
        let statement = RawStatement(try cachedStatement(sql: sql), in: self)
        let parameters = sqlite3_bind_parameter_count(statement.handle)
        guard parameters == Int32(arguments.count) else {
            throw DatabaseError(
                resultCode: .SQLITE_RANGE, message: "\(arguments.count) values for \(parameters) parameters of \(sql)")
        }
        for (offset, value) in arguments.enumerated() { statement.bind(Int32(offset + 1), value) }
        return statement
    }
}

extension RawStatement {
    func bind(_ index: Int32, _ value: SQLValue) {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let number): sqlite3_bind_int64(handle, index, number)
        case .real(let number): sqlite3_bind_double(handle, index, number)
        case .text(let text): bind(index, text: text)
        case .blob(let data):
            data.withUnsafeBytes { raw in
                _ = sqlite3_bind_blob(
                    handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), sqliteTransient
                )
            }
        }
    }

    func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: count))
        default: return .text(string(column))
        }
    }
}
