/// The engine a `SQLDatabase` speaks to. Read models, timers, the outbox and the users' tables are written in
/// SQL both accept; where they differ (PostgreSQL's `FOR UPDATE SKIP LOCKED`, SQLite's single writer), the
/// code asks.
package enum SQLEngine: String, Sendable {
    case sqlite
    case postgres
}

/// A connection inside its transaction, on either engine: statements with `?` parameters run synchronously,
/// the way GRDB's `Database` runs them. SQLite's connection is one; PostgreSQL's session
/// (`CDOPPostgres.PostgresSession`) runs each statement on its connection and waits for the answer, on a thread
/// of its own.
package protocol SQLDatabase {
    var engine: SQLEngine { get }
    /// Runs `sql` (statements separated by `;` when there are no values).
    func run(_ sql: String, bindings: [SQLValue]) throws
    /// Every row `sql` gives.
    func fetch(_ sql: String, bindings: [SQLValue]) throws -> [SQLRow]

    // The read models' personal columns (`ReadModelSealing`): sealed under the subject's key, opened, or stood for
    // by a keyed search token, by the store's protection; without one, each gives its argument back.
    func sealColumn(_ text: String, subject: String) throws -> String
    func openColumn(_ stored: String) throws -> String
    func searchToken(_ term: String) throws -> String
    func searchTokens(_ terms: String) throws -> String
}

/// The values bound to a statement's parameters, in order.
package typealias SQLArguments = [(any SQLValueConvertible)?]

extension [(any SQLValueConvertible)?] {
    var bindings: [SQLValue] { map { $0?.sqlValue ?? .null } }
}

extension SQLDatabase {
    package func execute(_ sql: String, _ values: (any SQLValueConvertible)?...) throws {
        try run(sql, bindings: values.bindings)
    }

    package func rows(_ sql: String, _ values: (any SQLValueConvertible)?...) throws -> [SQLRow] {
        try fetch(sql, bindings: values.bindings)
    }

    /// The first row `sql` gives, if any.
    package func row(_ sql: String, _ values: (any SQLValueConvertible)?...) throws -> SQLRow? {
        try fetch(sql, bindings: values.bindings).first
    }

    /// The first column of the first row, as `T`; nil when there is no row or its value is NULL.
    package func value<T: SQLDecodable>(
        _ type: T.Type = T.self, _ sql: String, _ values: (any SQLValueConvertible)?...
    ) throws -> T? {
        guard let row = try fetch(sql, bindings: values.bindings).first,
            row.values.first != .null
        else { return nil }
        return row[0] as T
    }

    /// The first column of every row, as `T`.
    package func values<T: SQLDecodable>(
        _ type: T.Type = T.self, _ sql: String, _ values: (any SQLValueConvertible)?...
    ) throws -> [T] {
        try fetch(sql, bindings: values.bindings).map { $0[0] as T }
    }
}

extension SQLDatabase {
    package func execute(_ sql: String, arguments: SQLArguments) throws {
        try run(sql, bindings: arguments.bindings)
    }

    package func rows(_ sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        try fetch(sql, bindings: arguments.bindings)
    }

    package func row(_ sql: String, arguments: SQLArguments) throws -> SQLRow? {
        try fetch(sql, bindings: arguments.bindings).first
    }

    package func value<T: SQLDecodable>(_ type: T.Type = T.self, _ sql: String, arguments: SQLArguments) throws -> T? {
        guard let row = try fetch(sql, bindings: arguments.bindings).first, row.values.first != .null else {
            return nil
        }
        return row[0] as T
    }

    package func values<T: SQLDecodable>(_ type: T.Type = T.self, _ sql: String, arguments: SQLArguments) throws -> [T]
    {
        try fetch(sql, bindings: arguments.bindings).map { $0[0] as T }
    }
}

extension SQLDatabase {
    /// The names of `table`'s columns, in the order they were made.
    package func columns(of table: String) throws -> [String] {
        switch engine {
        case .sqlite:
            try rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", table).map { $0["name"] }
        case .postgres:
            try values(
                String.self,
                """
                SELECT column_name::text FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
                """, table)
        }
    }
}

extension SQLDatabase {
    /// `rows` with the values of `columns` opened, in place.
    package func opening(_ columns: [String], of rows: [SQLRow]) throws -> [SQLRow] {
        try rows.map { row in
            var row = row
            for column in columns {
                guard let index = row.columns.firstIndex(of: column), case .text(let stored) = row.values[index]
                else { continue }
                row.values[index] = .text(try openColumn(stored))
            }
            return row
        }
    }
}

extension SQLDatabase {
    /// Whether the database holds a table of that name.
    package func tableExists(_ table: String) throws -> Bool {
        switch engine {
        case .sqlite:
            try value(Bool.self, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", table) ?? false
        case .postgres: try value(Bool.self, "SELECT to_regclass(?) IS NOT NULL", table) ?? false
        }
    }
}
