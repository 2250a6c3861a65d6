/// Every CSV cdop writes (the annual report's tables, returned forms) is made here, so every cell is neutralised
/// and quoted the same way (see `CSVField`).
package enum CSVWriter {
    /// One line: the cells' encodings joined by commas, without a line end.
    package static func line(_ fields: [CSVField]) -> String {
        fields.map(\.encoded).joined(separator: ",")
    }

    /// A whole file: one line per row, each ended by CRLF (RFC 4180).
    package static func document(_ rows: [[CSVField]]) -> String {
        rows.map { line($0) + "\r\n" }.joined()
    }
}
