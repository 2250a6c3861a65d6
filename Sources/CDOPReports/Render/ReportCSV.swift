import Foundation

/// One CSV file per table (RFC 4180: comma-separated, CRLF line ends, quoted where needed).
package enum ReportCSV {
    /// The file name and text of each table, e.g. "age-band.csv".
    package static func files(_ report: AnnualReport) -> [(name: String, text: String)] {
        report.tables.map { ("\($0.id).csv", text($0, mark: report.suppression?.mark ?? "")) }
    }

    /// A table as CSV: a heading line, a line per row, and the totals line when the table adds up.
    package static func text(_ table: ReportTable, mark: String) -> String {
        func cell(_ value: Int?) -> String { value.map(String.init) ?? mark }
        var lines = [[table.rowHeading] + table.columnLabels + (table.rowTotals == nil ? [] : ["Total"])]
        for (index, row) in table.rows.enumerated() {
            lines.append([row] + table.cells[index].map(cell) + (table.rowTotals.map { [cell($0[index])] } ?? []))
        }
        if let totals = table.columnTotals {
            lines.append(["Total"] + totals.map(cell) + (table.rowTotals == nil ? [] : [cell(table.grandTotal)]))
        }
        return lines.map { $0.map(escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field, quoted when it holds a comma, quote or line break.
    package static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
