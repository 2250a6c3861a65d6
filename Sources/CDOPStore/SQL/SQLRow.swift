/// One row of a query's result, its values by column name or position.
package struct SQLRow: Sendable {
    package let columns: [String]
    package var values: [SQLValue]

    package init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of `column`, as `T`. Reading a column the query does not give, or a value that is not a `T`
    /// (NULL where `T` is not optional), is a programming error, as in GRDB's rows.
    package subscript<T: SQLDecodable>(_ column: String) -> T {
        guard let index = columns.firstIndex(of: column) else {
            preconditionFailure("no column \(column) in a row of \(columns.joined(separator: ", "))")
        }
        return self[index]
    }

    package subscript<T: SQLDecodable>(_ index: Int) -> T {
        guard let value = T.decode(values[index]) else {
            preconditionFailure("column \(columns[index]) holds \(values[index]), not a \(T.self)")
        }
        return value
    }

    /// Whether `column` is in the row and not NULL.
    package func hasValue(_ column: String) -> Bool {
        guard let index = columns.firstIndex(of: column) else { return false }
        return values[index] != .null
    }
}
