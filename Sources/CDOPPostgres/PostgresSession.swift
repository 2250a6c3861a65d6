import CDOPStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// One PostgreSQL connection as a `SQLDatabase`, for code written against GRDB's synchronous connection (the
/// read models, timers, outbox, users): each statement is sent and its answer waited for. A session only runs
/// on a thread of `PostgresSession.threads`, never on a Swift concurrency thread, which a wait would hold up.
package final class PostgresSession: SQLDatabase {
    let connection: PostgresConnection
    let logger: Logger
    let protection: (any StoredDataProtection)?

    package var engine: SQLEngine { .postgres }

    init(connection: PostgresConnection, logger: Logger, protection: (any StoredDataProtection)?) {
        self.connection = connection
        self.logger = logger
        self.protection = protection
    }

    package func sealColumn(_ text: String, subject: String) throws -> String {
        try protection?.sealColumn(text, subject: subject) ?? text
    }

    package func openColumn(_ stored: String) throws -> String { try protection?.openColumn(stored) ?? stored }

    package func searchToken(_ term: String) throws -> String { protection?.searchToken(term) ?? term }

    package func searchTokens(_ terms: String) throws -> String { protection?.searchTokens(terms) ?? terms }

    package func run(_ sql: String, bindings arguments: [SQLValue]) throws {
        let statements = PostgresDialect.cachedStatements(of: sql)
        guard arguments.isEmpty || statements.count == 1 else {
            throw PostgresStatementError(message: "values for several statements at once: \(sql)")
        }
        for statement in statements { _ = try send(statement, arguments) }
    }

    package func fetch(_ sql: String, bindings arguments: [SQLValue]) throws -> [SQLRow] {
        let statements = PostgresDialect.cachedStatements(of: sql)
        guard statements.count == 1 else {
            throw PostgresStatementError(message: "a query must be one statement: \(sql)")
        }
        return try send(statements[0], arguments)
    }

    private func send(_ statement: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments { bindings.bind(argument) }
        return try query(PostgresQuery(unsafeSQL: statement, binds: bindings))
    }

    /// Runs a query as PostgreSQL reads it, with no rewriting (the store's own statements: arrays, functions).
    package func query(_ query: PostgresQuery) throws -> [SQLRow] {
        do {
            return try connection.query(query, logger: logger).wait().rows.map(Self.row)
        } catch let error as PSQLError {
            throw PostgresStatementError(error, statement: query.sql)
        }
    }

    private static func row(_ row: PostgresRow) -> SQLRow {
        var columns: [String] = []
        var values: [SQLValue] = []
        for cell in row {
            columns.append(cell.columnName)
            values.append(value(cell))
        }
        return SQLRow(columns: columns, values: values)
    }

    private static func value(_ cell: PostgresCell) -> SQLValue {
        guard let bytes = cell.bytes else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map(SQLValue.integer) ?? .null
        case .float4, .float8: return (try? cell.decode(Double.self)).map(SQLValue.real) ?? .null
        case .bool: return .integer((try? cell.decode(Bool.self)) == true ? 1 : 0)
        case .bytea: return .blob(Data(bytes.readableBytesView))
        case .numeric:
            guard let number = try? cell.decode(Decimal.self) else { return .null }
            if number == number.rounded(), let whole = Int64(exactly: NSDecimalNumber(decimal: number).int64Value),
                Decimal(whole) == number
            {
                return .integer(whole)
            }
            return .real(NSDecimalNumber(decimal: number).doubleValue)
        default:
            return .text((try? cell.decode(String.self)) ?? String(buffer: bytes))
        }
    }
}

extension PostgresBindings {
    mutating func bind(_ value: SQLValue) {
        switch value {
        case .null: appendNull()
        case .integer(let number): append(number)
        case .real(let number): append(number)
        case .text(let text): append(text)
        case .blob(let data): append(ByteBuffer(bytes: data))
        }
    }
}

extension Decimal {
    fileprivate func rounded() -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, 0, .plain)
        return result
    }
}

/// A statement PostgreSQL refused, with its own message and the statement (never the values bound to it, which
/// may be personal).
package struct PostgresStatementError: Error, CustomStringConvertible {
    package var message: String
    /// PostgreSQL's SQLSTATE, when the server gave one (`23505`: a unique key already holds the value).
    package var code: String?

    init(message: String) {
        self.message = message
    }

    init(_ error: PSQLError, statement: String) {
        code = error.serverInfo?[.sqlState]
        let text = error.serverInfo?[.message] ?? "\(error.code)"
        message = "\(text) in: \(statement)"
    }

    package var description: String { message }
}
