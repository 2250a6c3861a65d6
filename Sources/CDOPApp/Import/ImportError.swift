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

/// Why an import did not finish.
package enum ImportError: Error, Equatable, CustomStringConvertible {
    case unterminatedQuote(line: Int)
    case empty
    case missingColumns([String])
    case unknownColumns([String])
    /// Every problem of every row, the format's and the rules', in row order; nothing was appended.
    case invalidRows([ImportProblem])
    /// The check itself failed (the database could not be read); nothing was appended.
    case failed(String)
    /// Writing stopped after the check had passed (a full disk, a crash): `written` of `total` rows are in.
    /// Importing the same file again writes the rest.
    case stoppedWhileWriting(written: Int, total: Int, detail: String)

    /// At most this many problems are listed; the others are counted.
    package static let problemsListed = 200

    package var code: String {
        switch self {
        case .unterminatedQuote, .empty, .missingColumns, .unknownColumns: "import.badFile"
        case .invalidRows: "import.invalidRows"
        case .failed: "import.failed"
        case .stoppedWhileWriting: "import.stopped"
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
                + problems.prefix(Self.problemsListed).map { "  \($0)" }.joined(separator: "\n")
                + (problems.count > Self.problemsListed
                    ? "\n  … and \(problems.count - Self.problemsListed) more." : "")
        case .failed(let detail): "Nothing was imported: \(detail)"
        case .stoppedWhileWriting(let written, let total, let detail):
            "The import stopped after \(written) of \(total) rows were written: \(detail) Import the same file again to "
                + "write the rest (the rows already written are recognised and skipped)."
        }
    }
}

/// The problems of one row (an error so that a row's check can be a `Result`).
package struct ImportProblems: Error, Equatable {
    package var problems: [ImportProblem]
}
