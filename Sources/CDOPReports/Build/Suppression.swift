/// Small-number suppression with secondary suppression, on a table and its totals.
///
/// The table and its totals form a grid: each row of cells ends in its row total, each column in its column
/// total, and the totals row ends in the grand total. Every row and column of that grid is a sum someone
/// could subtract from. Primary suppression hides each small count; secondary suppression then hides more
/// until no row or column of the grid has exactly one hidden number, so no hidden number is the difference
/// between a total and what is shown. Among the candidates it hides the smallest non-zero cell first, then
/// zeros, and totals last.
package enum Suppression {
    /// The table with small numbers, and enough others, hidden.
    package static func apply(_ policy: SuppressionPolicy, to table: ReportTable) -> ReportTable {
        var grid = Grid(table)
        for position in grid.positions where grid.value(position).map(policy.isSmall) == true {
            grid.hidden.insert(position)
        }
        if table.isAdditive { grid.protect() }
        return grid.table(from: table)
    }

    /// The whole report with small numbers hidden; review times are hidden when there are too few reviews.
    package static func apply(_ policy: SuppressionPolicy, to report: AnnualReport) -> AnnualReport {
        var published = report
        published.tables = report.tables.map { apply(policy, to: $0) }
        published.headline = report.headline.map { figure in
            var copy = figure
            if let value = figure.value, policy.isSmall(value) { copy.value = nil }
            return copy
        }
        if policy.isSmall(report.duration.reviews) { published.duration = report.duration.hidden }
        published.suppression = policy
        return published
    }

    /// A cell of the grid: row `rows.count` is the totals row, column `columns.count` the totals column.
    package struct Position: Hashable, Sendable {
        package var row: Int
        package var column: Int
    }

    /// The table's numbers and totals as one grid, with the positions hidden so far.
    package struct Grid {
        package let rows: Int
        package let columns: Int
        /// Whether the grid has a totals column (only tables of more than one column do).
        package let hasRowTotals: Bool
        package let isAdditive: Bool
        private var values: [Position: Int] = [:]
        package var hidden: Set<Position> = []

        package init(_ table: ReportTable) {
            rows = table.rows.count
            columns = table.columns.count
            hasRowTotals = table.rowTotals != nil
            isAdditive = table.isAdditive
            func set(_ row: Int, _ column: Int, _ value: Int?) {
                if let value { values[Position(row: row, column: column)] = value }
            }
            for row in 0..<rows {
                for column in 0..<columns { set(row, column, table.cells[row][column]) }
                if let totals = table.rowTotals { set(row, columns, totals[row]) }
            }
            if let totals = table.columnTotals {
                for column in 0..<columns { set(rows, column, totals[column]) }
                if hasRowTotals { set(rows, columns, table.grandTotal) }
            }
        }

        package var positions: [Position] { values.keys.sorted { ($0.row, $0.column) < ($1.row, $1.column) } }

        package func value(_ position: Position) -> Int? { values[position] }

        /// Whether the position holds a total rather than a count of cases.
        func isTotal(_ position: Position) -> Bool { position.row == rows || position.column == columns }

        /// Every sum in the grid: its members (the last is the total of the others).
        package var lines: [[Position]] {
            guard isAdditive else { return [] }
            let width = hasRowTotals ? columns + 1 : 1
            var lines: [[Position]] = (0..<width).map { column in
                (0...rows).map { Position(row: $0, column: column) }
            }
            if hasRowTotals {
                lines += (0...rows).map { row in (0...columns).map { Position(row: row, column: $0) } }
            }
            return lines
        }

        /// Hides more numbers until no sum has exactly one hidden member.
        mutating func protect() {
            var changed = true
            while changed {
                changed = false
                for line in lines where line.filter(hidden.contains).count == 1 {
                    let candidates = line.filter { !hidden.contains($0) }
                    guard let pick = candidates.min(by: { rank($0) < rank($1) }) else { continue }
                    hidden.insert(pick)
                    changed = true
                }
            }
        }

        /// Which visible number to hide first: counts before totals, non-zero before zero, smaller first.
        private func rank(_ position: Position) -> (Int, Int, Int, Int, Int) {
            let value = values[position] ?? 0
            return (isTotal(position) ? 1 : 0, value == 0 ? 1 : 0, value, position.row, position.column)
        }

        /// `table` with the hidden positions blanked.
        func table(from table: ReportTable) -> ReportTable {
            var result = table
            for position in hidden {
                switch (position.row == rows, position.column == columns) {
                case (true, true): result.grandTotal = nil
                case (true, false):
                    result.columnTotals?[position.column] = nil
                    if !hasRowTotals { result.grandTotal = nil }
                case (false, true): result.rowTotals?[position.row] = nil
                case (false, false): result.cells[position.row][position.column] = nil
                }
            }
            return result
        }
    }
}
