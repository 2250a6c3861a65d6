import CDOPDomain
import Foundation

/// CSV export: one column per field, in page order. A repeating group's fields are one column each,
/// `group.field`, holding every row's value joined by "; " in row order (an empty value keeps its place), so
/// every returned form has the same columns however many rows it has.
extension FormDefinition {
    package var csvColumns: [String] {
        fields.flatMap { field in
            field.type == .group ? field.fields.map { "\(field.id).\($0.id)" } : [field.id]
        }
    }

    /// The answers as cells matching `csvColumns`; unanswered and hidden fields are empty.
    package func csvRow(_ answers: FormAnswers) -> [String] {
        fields.flatMap { field -> [String] in
            guard field.type == .group else { return [answers[field.id].map(FormText.text) ?? ""] }
            guard case .groups(let rows) = answers[field.id] else { return field.fields.map { _ in "" } }
            return field.fields.map { column in
                rows.map { $0[column.id].map(FormText.text) ?? "" }.joined(separator: "; ")
            }
        }
    }

    /// One CSV line (RFC 4180): cells with a comma, quote or line break are quoted, quotes doubled.
    package static func csvLine(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",")
    }
}
