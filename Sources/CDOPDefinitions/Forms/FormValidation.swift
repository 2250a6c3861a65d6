import CDOPDomain
import Foundation

/// One thing wrong with an answer, to show beside its field and in the error summary.
package struct FieldError: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Where the answer is: a field id, or "group[index].field" for a row of a repeating group.
    package var path: String
    /// The field's label, e.g. "Date of death".
    package var label: String
    /// What to do, in GOV.UK style: "Enter the date of death", "Date of death must be a real date".
    package var message: String

    package init(path: String, label: String, message: String) {
        self.path = path
        self.label = label
        self.message = message
    }

    package var description: String { "\(path): \(message)" }
}

/// Answers refused field by field (by validation or by the domain's rules, mapped back to fields).
package struct FieldErrors: Error, Hashable, Sendable, CustomStringConvertible {
    package var errors: [FieldError]

    package init(_ errors: [FieldError]) {
        self.errors = errors
    }

    package var description: String { errors.map(\.description).joined(separator: "; ") }
}

/// `.submit` checks everything; `.draft` (saving unfinished work) checks what is given but requires nothing.
package enum ValidationMode: Hashable, Sendable {
    case submit
    case draft
}

/// The outcome of validating answers against a form.
package enum FormValidation: Hashable, Sendable {
    /// The answers to record: hidden fields dropped, text trimmed, values typed.
    case valid(FormAnswers)
    /// The errors in page order, and the values to show again in the form (the post as sent, or the JSON
    /// answers as a post).
    case invalid([FieldError], echoed: [String: [String]])

    package var answers: FormAnswers? {
        if case .valid(let answers) = self { answers } else { nil }
    }

    package var errors: [FieldError] {
        if case .invalid(let errors, _) = self { errors } else { [] }
    }
}

extension FormDefinition {
    /// Validates an HTML form post: values keyed by field id, group rows as `GROUP[INDEX].FIELD`, dates as
    /// `YYYY-MM-DD` or `FIELD-day`, `FIELD-month`, `FIELD-year`, date-times `YYYY-MM-DDTHH:MM`, yes / no /
    /// not known as `yes`, `no`, `notKnown`, checkboxes as repeated values. Keys the form does not know
    /// (a CSRF token, the button) are ignored.
    package func validate(post: [String: [String]], today: CalendarDate, mode: ValidationMode = .submit)
        -> FormValidation
    {
        let validator = FormValidator(today: today, mode: mode)
        let (answers, errors) = validator.validate(
            fields, source: PostSource(post: post, prefix: ""), context: [:], path: "")
        return errors.isEmpty ? .valid(answers) : .invalid(errors, echoed: post)
    }

    /// Validates answers sent as JSON (`FormAnswers`): each answer must be of its field's kind; an answer
    /// for a field the form does not have is an error.
    package func validate(answers: FormAnswers, today: CalendarDate, mode: ValidationMode = .submit)
        -> FormValidation
    {
        let validator = FormValidator(today: today, mode: mode)
        let (valid, errors) = validator.validate(
            fields, source: AnswersSource(answers: answers), context: [:], path: "")
        return errors.isEmpty ? .valid(valid) : .invalid(errors, echoed: post(from: answers))
    }
}

/// Walks a form's fields in page order, reading each from a source and checking it.
struct FormValidator {
    let today: CalendarDate
    let mode: ValidationMode

    func validate(
        _ fields: [FormField], source: any AnswerSource, context: FormAnswers, path prefix: String
    ) -> (FormAnswers, [FieldError]) {
        var answers: FormAnswers = [:]
        var errors: [FieldError] = []
        for field in fields {
            let path = prefix + field.id
            func error(_ message: String) {
                errors.append(FieldError(path: path, label: field.label, message: message))
            }
            if let condition = field.condition, !condition.isSatisfied(by: context.merging(answers) { $1 }) {
                continue
            }
            if field.type == .group {
                if case .malformed(let message) = source.read(field) {
                    error(message)
                    continue
                }
                var rows: [FormAnswers] = []
                for (index, row) in source.rows(of: field) {
                    let (rowAnswers, rowErrors) = validate(
                        field.fields, source: row, context: context.merging(answers) { $1 },
                        path: "\(path)[\(index)].")
                    errors += rowErrors
                    if !rowAnswers.isEmpty { rows.append(rowAnswers) }
                }
                if !rows.isEmpty {
                    answers[field.id] = .groups(rows)
                } else if field.required && mode == .submit {
                    error(FieldMessage.missing(field))
                }
                continue
            }
            switch source.read(field) {
            case .absent:
                if field.required && mode == .submit { error(FieldMessage.missing(field)) }
            case .malformed(let message):
                error(message)
            case .value(let value):
                if let message = check(value, of: field) {
                    error(message)
                } else {
                    answers[field.id] = value
                }
            }
        }
        for key in source.unknownKeys(known: fields) {
            errors.append(FieldError(path: prefix + key, label: key, message: "This form has no question '\(key)'"))
        }
        return (answers, errors)
    }

    /// The checks every typed answer gets, from a post or JSON alike.
    func check(_ value: AnswerValue, of field: FormField) -> String? {
        switch value {
        case .text(let text):
            if let maxLength = field.maxLength, text.count > maxLength {
                return "\(field.label) must be \(maxLength) characters or fewer"
            }
            if field.type == .dateTime, field.notAfterToday, let day = CalendarDate(iso: String(text.prefix(10))),
                day > today
            {
                return FieldMessage.future(field)
            }
        case .number(let number):
            if let minimum = field.minimum, number < minimum {
                return "\(field.label) must be \(FormText.number(minimum)) or more"
            }
            if let maximum = field.maximum, number > maximum {
                return "\(field.label) must be \(FormText.number(maximum)) or less"
            }
        case .date(let date):
            if field.notAfterToday && date > today { return FieldMessage.future(field) }
        case .choice(let choice):
            if field.optionLabel(choice) == nil { return FieldMessage.notAnOption }
        case .multiple(let values):
            if values.contains(where: { field.optionLabel($0) == nil }) { return FieldMessage.notAnOption }
        case .yesNo, .groups:
            break
        }
        return nil
    }
}

/// The messages, worded as GOV.UK's design system words them.
enum FieldMessage {
    static let notAnOption = "Choose one of the options listed"

    static func missing(_ field: FormField) -> String {
        switch field.type {
        case .choice, .yesNoNotKnown: "Select \(field.errorName)"
        case .multipleChoice: "Select at least one option for \(field.errorName)"
        case .group: "Add at least one entry to \(field.errorName)"
        default: "Enter \(field.errorName)"
        }
    }

    static func future(_ field: FormField) -> String {
        "\(field.label) must be today or in the past"
    }

    static func notRealDate(_ field: FormField) -> String {
        "\(field.label) must be a real date"
    }

    static func notRealDateTime(_ field: FormField) -> String {
        "\(field.label) must be a real date and time, for example 2026-11-14T02:10"
    }

    static func notANumber(_ field: FormField) -> String {
        "\(field.label) must be a number"
    }
}
