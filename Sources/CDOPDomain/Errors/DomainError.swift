/// A refused command: a stable `code` for tests and the API, and a `description` that tells a coordinator
/// which field was wrong and with what value.
package struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable, dot-namespaced code, e.g. "notification.dateOfBirthAfterDeath".
    package let code: String
    /// A sentence for the coordinator naming the field and the value.
    package let description: String

    package init(code: String, _ description: String) {
        self.code = code
        self.description = description
    }
}

extension DomainError {
    /// A date typed into a form is not a real day.
    package static func invalidDate(field: String, text: String) -> DomainError {
        DomainError(code: "input.invalidDate", "The \(field) (\(text)) is not a valid date; write it as YYYY-MM-DD.")
    }

    /// A required text field was left empty.
    package static func missing(_ field: String, code: String) -> DomainError {
        DomainError(code: code, "The \(field) is required but was left empty.")
    }

    /// An email address that cannot be delivered to.
    package static func invalidEmail(field: String, text: String) -> DomainError {
        DomainError(code: "input.invalidEmail", "The \(field) (\(text)) is not a valid email address.")
    }

    /// A date in the future where only a past or present date makes sense.
    package static func dateInFuture(field: String, date: CalendarDate, today: CalendarDate) -> DomainError {
        DomainError(
            code: "input.dateInFuture",
            "The \(field) (\(DayFormatter.long(date))) is after today (\(DayFormatter.long(today))).")
    }
}
