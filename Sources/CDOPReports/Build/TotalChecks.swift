/// The comparisons every table's totals must pass: rows and columns add up to their totals, and the table's
/// total is the number of cases it claims to count (found separately).
package enum TotalChecks {
    /// The checks of one additive table against `expected`, the count of `base` (e.g. "deaths notified").
    package static func check(_ table: ReportTable, against expected: Int, base: String) -> [TotalCheck] {
        guard let columnTotals = table.columnTotals, let grand = table.grandTotal else { return [] }
        var checks = [
            TotalCheck(table: table.title, what: "the total (compared with \(base))", expected: expected, found: grand)
        ]
        for (index, column) in table.columns.enumerated() {
            let sum = table.cells.reduce(0) { $0 + ($1[index] ?? 0) }
            checks.append(
                TotalCheck(
                    table: table.title, what: "the sum of column \"\(column)\"", expected: columnTotals[index] ?? 0,
                    found: sum))
        }
        checks.append(
            TotalCheck(
                table: table.title, what: "the sum of the column totals", expected: grand,
                found: columnTotals.reduce(0) { $0 + ($1 ?? 0) }))
        if let rowTotals = table.rowTotals {
            for (index, row) in table.rows.enumerated() {
                let sum = table.cells[index].reduce(0) { $0 + ($1 ?? 0) }
                checks.append(
                    TotalCheck(
                        table: table.title, what: "the sum of row \"\(row)\"", expected: rowTotals[index] ?? 0,
                        found: sum))
            }
            checks.append(
                TotalCheck(
                    table: table.title, what: "the sum of the row totals", expected: grand,
                    found: rowTotals.reduce(0) { $0 + ($1 ?? 0) }))
        }
        return checks
    }
}
