import CDOPDomain
import Foundation

/// A historic import file read row by row: the rows that read cleanly, and every problem of those that do
/// not. Only a file that cannot be read as a table at all (no heading, an unknown or missing column, a quote
/// never closed) is refused outright.
package struct HistoricFile: Sendable {
    package var rows: [HistoricRow]
    /// Format problems (a bad date, an unknown sex, a wrong number of fields), in row order.
    package var problems: [ImportProblem]
    /// Every data row of the file, clean or not.
    package var rowCount: Int

    package init(parsing text: String, panel: PanelConfiguration) throws(ImportError) {
        let table = try CSVTable(parsing: text)
        guard let heading = table.rows.first else { throw .empty }
        let names = heading.fields.map { $0.trimmingSpaces().lowercased() }
        let known = Set(HistoricColumns.all.map(\.name))
        let unknown = names.filter { !known.contains($0) }
        if !unknown.isEmpty { throw .unknownColumns(unknown) }
        let missing = HistoricColumns.all.filter { $0.required && !names.contains($0.name) }.map(\.name)
        if !missing.isEmpty { throw .missingColumns(missing) }
        rows = []
        problems = []
        rowCount = table.rows.count - 1
        rows.reserveCapacity(rowCount)
        for row in table.rows.dropFirst() {
            guard row.fields.count == names.count else {
                problems.append(
                    ImportProblem(
                        row: row.line, column: nil,
                        "has \(row.fields.count) fields but the heading names \(names.count) columns."))
                continue
            }
            switch HistoricRow.parse(
                Dictionary(zip(names, row.fields)) { first, _ in first }, line: row.line, panel: panel)
            {
            case .success(let parsed): rows.append(parsed)
            case .failure(let found): problems += found.problems
            }
        }
    }
}
