import CDOPDomain
import Foundation

/// CSV export: one column per field, in page order. A repeating group's fields are one column each,
/// `group.field`, holding every row's value joined by "; " in row order (an empty value keeps its place), so
/// every returned form has the same columns however many rows it has. A number answer is a number; everything
/// else is text, written by `CSVWriter` (an answer that would start a spreadsheet formula is neutralised).
extension FormDefinition {
    package var csvColumns: [String] {
        fields.flatMap { field in
            field.type == .group ? field.fields.map { "\(field.id).\($0.id)" } : [field.id]
        }
    }

    /// The answers as cells matching `csvColumns`; unanswered and hidden fields are empty.
    package func csvRow(_ answers: FormAnswers) -> [CSVField] {
        fields.flatMap { field -> [CSVField] in
            guard field.type == .group else {
                if case .number(let number) = answers[field.id] { return [.number(number)] }
                return [.text(answers[field.id].map(FormText.text) ?? "")]
            }
            guard case .groups(let rows) = answers[field.id] else { return field.fields.map { _ in .text("") } }
            return field.fields.map { column in
                .text(rows.map { $0[column.id].map(FormText.text) ?? "" }.joined(separator: "; "))
            }
        }
    }

    /// One CSV line of the column headings or of a returned form's answers (see `CSVWriter`).
    package static func csvLine(_ cells: [CSVField]) -> String {
        CSVWriter.line(cells)
    }
}
