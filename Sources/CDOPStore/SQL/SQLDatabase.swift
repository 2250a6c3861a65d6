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
    /// Runs `sql` (statements separated by `;` when there are no arguments).
    func execute(_ sql: String, arguments: [SQLValue]) throws
    /// Every row `sql` gives.
    func rows(_ sql: String, arguments: [SQLValue]) throws -> [SQLRow]
}

extension SQLDatabase {
    package func execute(_ sql: String, _ values: (any SQLValueConvertible)?...) throws {
        try execute(sql, arguments: values.map { $0?.sqlValue ?? .null })
    }

    package func rows(_ sql: String, _ values: (any SQLValueConvertible)?...) throws -> [SQLRow] {
        try rows(sql, arguments: values.map { $0?.sqlValue ?? .null })
    }

    /// The first row `sql` gives, if any.
    package func row(_ sql: String, _ values: (any SQLValueConvertible)?...) throws -> SQLRow? {
        try rows(sql, arguments: values.map { $0?.sqlValue ?? .null }).first
    }

    /// The first column of the first row, as `T`; nil when there is no row or its value is NULL.
    package func value<T: SQLDecodable>(
        _ type: T.Type = T.self, _ sql: String, _ values: (any SQLValueConvertible)?...
    ) throws -> T? {
        guard let row = try rows(sql, arguments: values.map { $0?.sqlValue ?? .null }).first,
            row.values.first != .null
        else { return nil }
        return row[0] as T
    }

    /// The first column of every row, as `T`.
    package func values<T: SQLDecodable>(
        _ type: T.Type = T.self, _ sql: String, _ values: (any SQLValueConvertible)?...
    ) throws -> [T] {
        try rows(sql, arguments: values.map { $0?.sqlValue ?? .null }).map { $0[0] as T }
    }
}
