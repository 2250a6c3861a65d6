import CDOPDomain
import Foundation

/// One CSV file per table, written by `CSVWriter` (RFC 4180, CRLF line ends; a heading or learning theme that
/// would start a formula is neutralised). Counts are numbers; a hidden count is the mark, as text.
package enum ReportCSV {
    /// The file name and text of each table, e.g. "age-band.csv".
    package static func files(_ report: AnnualReport) -> [(name: String, text: String)] {
        report.tables.map { ("\($0.id).csv", text($0, mark: report.suppression?.mark ?? "")) }
    }

    /// A table as CSV: a heading line, a line per row, and the totals line when the table adds up.
    package static func text(_ table: ReportTable, mark: String) -> String {
        func cell(_ value: Int?) -> CSVField { value.map(CSVField.count) ?? .text(mark) }
        let total = CSVField.text("Total")
        var lines = [
            ([table.rowHeading] + table.columnLabels).map(CSVField.text) + (table.rowTotals == nil ? [] : [total])
        ]
        for (index, row) in table.rows.enumerated() {
            lines.append(
                [.text(row)] + table.cells[index].map(cell) + (table.rowTotals.map { [cell($0[index])] } ?? []))
        }
        if let totals = table.columnTotals {
            lines.append([total] + totals.map(cell) + (table.rowTotals == nil ? [] : [cell(table.grandTotal)]))
        }
        return CSVWriter.document(lines)
    }
}
