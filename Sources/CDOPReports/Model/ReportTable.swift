/// One table of the report: counts by row (and by column when there is more than one), with totals.
///
/// A nil cell or total is hidden by small-number suppression. A table that is not additive (a review counted
/// under every learning theme it raised) has no totals.
package struct ReportTable: Hashable, Sendable, Codable {
    /// A short stable name, used for the CSV file ("category-by-outcome").
    package var id: String
    package var title: String
    /// What is counted and any caveat, in a sentence.
    package var note: String
    package var rowHeading: String
    package var rows: [String]
    package var columns: [String]
    /// For a three-way table, the group of each column (the outcome a sex column belongs to): the columns are
    /// the pairs of two variables, `columnGroups[i]` and `columns[i]`. Nil for a plain table.
    package var columnGroups: [String]?
    /// A trend: the columns are reporting years, oldest first, each row a series drawn as a line.
    package var trend: Bool?
    package var cells: [[Int?]]
    /// Each row's total; nil when the table has a single column (the cell is the total).
    package var rowTotals: [Int?]?
    /// Each column's total; nil when the table is not additive.
    package var columnTotals: [Int?]?
    package var grandTotal: Int?

    /// A table with totals worked out from `cells`.
    package init(
        id: String, title: String, note: String, rowHeading: String, rows: [String], columns: [String],
        cells: [[Int]], additive: Bool = true
    ) {
        self.id = id
        self.title = title
        self.note = note
        self.rowHeading = rowHeading
        self.rows = rows
        self.columns = columns
        self.cells = cells.map { $0.map(Optional.some) }
        let width = columns.count
        rowTotals = additive && width > 1 ? cells.map { Optional($0.reduce(0, +)) } : nil
        columnTotals = additive ? (0..<width).map { column in Optional(cells.reduce(0) { $0 + $1[column] }) } : nil
        grandTotal = additive ? cells.reduce(0) { $0 + $1.reduce(0, +) } : nil
    }

    package var isAdditive: Bool { columnTotals != nil }

    /// Whether any number is hidden.
    package var hasHiddenCells: Bool {
        cells.contains { $0.contains(nil) } || (rowTotals ?? []).contains(nil) || (columnTotals ?? []).contains(nil)
            || (isAdditive && grandTotal == nil)
    }

    /// The column labels as a reader sees them alone (in a CSV heading): "Not preventable: male".
    package var columnLabels: [String] {
        guard let columnGroups else { return columns }
        return zip(columnGroups, columns).map { "\($0): \($1.lowercased())" }
    }

    /// The value in row `row` of column `column` within group `group` (a three-way table), when shown.
    package func value(_ row: String, group: String, column: String) -> Int? {
        guard let r = rows.firstIndex(of: row), let groups = columnGroups,
            let c = columns.indices.first(where: { groups[$0] == group && columns[$0] == column })
        else { return nil }
        return cells[r][c]
    }

    /// The value of row `row`, column 0, when shown (for one-column tables).
    package func value(_ row: String, column: Int = 0) -> Int? {
        rows.firstIndex(of: row).flatMap { cells[$0][column] }
    }
}
