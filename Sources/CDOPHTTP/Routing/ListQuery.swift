import CDOPDomain
import Foundation
import Hummingbird

/// The filters of a list (a page's GET form or an API listing) read from the query string, decoded as a
/// browser's GET form writes it (`+` is a space), with what in them is wrong: each error names its parameter
/// (the page shows it beside that field; the API points at `/query/NAME`).
struct ListQuery {
    private let values: FormPost
    private(set) var errors: [PageChrome.ErrorLink] = []

    init(_ request: Request) {
        values = FormPost(encoded: request.uri.query ?? "")
    }

    /// The parameter's text, trimmed; nil when absent or blank.
    subscript(_ name: String) -> String? { values[name] }

    /// The parameter as a day (YYYY-MM-DD); nil when absent, and nil with `message` recorded against it when it
    /// is not a real date.
    mutating func day(_ name: String, invalid message: String) -> CalendarDate? {
        guard let text = values[name] else { return nil }
        guard let day = CalendarDate(iso: text) else {
            refuse(name, message)
            return nil
        }
        return day
    }

    /// The parameter as one of `choices`; nil when absent, and nil with "`lead` one of: ..." recorded against it
    /// when it is none of them.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, as choices: Choice.Type, lead: String
    ) -> Choice? where Choice.RawValue == String {
        guard let text = values[name] else { return nil }
        guard let choice = Choice(rawValue: text) else {
            refuse(name, lead + " one of: " + Choice.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return choice
    }

    /// Records that parameter `name` is wrong, in words for the person who filled it.
    mutating func refuse(_ name: String, _ message: String) {
        errors.append(.init(field: name, message: message))
    }
}
