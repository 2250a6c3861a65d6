import Foundation

/// One cell of a CSV file cdop writes: text (anyone's words: a learning theme, an answer, a heading, a mark) or a
/// number cdop itself counted or recorded as a number.
///
/// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (and some also after a tab or a line
/// break), so text from a form could open a link or run a command on the reader's computer ("CSV injection").
/// As OWASP advises, such a text cell is written with a single quote before it (`'=HYPERLINK(…)`), which makes
/// the spreadsheet show it as text; every text cell is then quoted as RFC 4180 asks. A number is written as
/// digits and never prefixed: even a negative one is only a sign and digits, which no spreadsheet runs.
package enum CSVField: Hashable, Sendable {
    case text(String)
    case number(Double)

    /// A count, as a number.
    package static func count(_ value: Int) -> CSVField { .number(Double(value)) }

    /// What starts a formula in Excel, LibreOffice or Google Sheets (OWASP's list, with the line feed added).
    package static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    /// The cell as it is written between the commas.
    package var encoded: String {
        switch self {
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .text(let text):
            let neutral = text.unicodeScalars.first.map(Self.formulaStarts.contains) == true ? "'" + text : text
            guard neutral.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
                return neutral
            }
            return "\"" + neutral.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
