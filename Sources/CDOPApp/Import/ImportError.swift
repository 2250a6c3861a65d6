/// A problem with a historic import file, naming the row (as the spreadsheet numbers it, heading = 1) and
/// the column.
package struct ImportProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    package var row: Int
    package var column: String?
    package var message: String

    package init(row: Int, column: String?, _ message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    package var description: String {
        "Row \(row)" + (column.map { ", column \($0)" } ?? "") + ": " + message
    }
}

/// Why an import appended nothing.
package enum ImportError: Error, Equatable, CustomStringConvertible {
    case unterminatedQuote(line: Int)
    case empty
    case missingColumns([String])
    case unknownColumns([String])
    /// Every bad row found; nothing was appended.
    case invalidRows([ImportProblem])
    case failed(String)

    package var code: String {
        switch self {
        case .unterminatedQuote, .empty, .missingColumns, .unknownColumns: "import.badFile"
        case .invalidRows: "import.invalidRows"
        case .failed: "import.failed"
        }
    }

    package var description: String {
        switch self {
        case .unterminatedQuote(let line):
            "The file has a quoted field starting on line \(line) that never ends (a missing closing \")."
        case .empty: "The file has no heading line; the first line must name the columns."
        case .missingColumns(let names):
            "The heading line lacks the required column(s): \(names.joined(separator: ", "))."
        case .unknownColumns(let names):
            "The heading line names column(s) the import does not know: \(names.joined(separator: ", ")). "
                + "See `cdop import --help` for the columns."
        case .invalidRows(let problems):
            "Nothing was imported: \(problems.count) problem(s) found.\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        case .failed(let detail): "Nothing was imported: \(detail)"
        }
    }
}

/// The problems of one row (an error so that a row's check can be a `Result`).
package struct ImportProblems: Error, Equatable {
    package var problems: [ImportProblem]
}
