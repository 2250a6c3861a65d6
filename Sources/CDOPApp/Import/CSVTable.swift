/// A CSV file read into rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks).
/// A byte-order mark and blank lines are skipped; each row keeps the line number it started on.
package struct CSVTable: Sendable, Equatable {
    package struct Row: Sendable, Equatable {
        /// The line of the file the row starts on (1 is the heading line).
        package var line: Int
        package var fields: [String]
    }

    package var rows: [Row]

    package init(parsing text: String) throws(ImportError) {
        var rows: [Row] = []
        var field = ""
        var fields: [String] = []
        var line = 1
        var rowStart = 1
        var quoted = false
        var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        characters.append("\n")
        var index = 0
        func endRow() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowStart, fields: fields)) }
            fields = []
        }
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted {
                if character == "\"" {
                    if index < characters.count, characters[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowStart = line
            default: field.append(character)
            }
        }
        if quoted { throw .unterminatedQuote(line: rowStart) }
        self.rows = rows
    }
}
