import CDOPDefinitions
import CDOPDomain
import Foundation

/// Reads typed values out of validated answers for a mapping, collecting an error (at the field's path) for
/// each required value that is missing or of the wrong kind, so a mapping reports every problem at once.
struct FormAnswerReader {
    let form: FormDefinition
    let answers: FormAnswers
    /// "" for the form, "group[index]." inside a row.
    let prefix: String
    var errors: [FieldError] = []

    init(form: FormDefinition, answers: FormAnswers, prefix: String = "") {
        self.form = form
        self.answers = answers
        self.prefix = prefix
    }

    mutating func text(_ id: String) -> String? {
        guard case .text(let text) = answers[id] else { return nil }
        return text
    }

    mutating func requiredText(_ id: String) -> String {
        if let text = text(id) { return text }
        errors.append(form.missing(at: prefix + id))
        return ""
    }

    /// A long text's non-empty lines.
    mutating func lines(_ id: String) -> [String] {
        (text(id) ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    mutating func date(_ id: String) -> CalendarDate? {
        guard case .date(let date) = answers[id] else { return nil }
        return date
    }

    mutating func requiredDate(_ id: String) -> CalendarDate? {
        if let date = date(id) { return date }
        errors.append(form.missing(at: prefix + id))
        return nil
    }

    mutating func choice<T: RawRepresentable>(_ id: String, as type: T.Type) -> T? where T.RawValue == String {
        guard case .choice(let value) = answers[id] else { return nil }
        guard let typed = T(rawValue: value) else {
            errors.append(form.error(at: prefix + id, "Choose one of the options listed"))
            return nil
        }
        return typed
    }

    mutating func requiredChoice<T: RawRepresentable>(_ id: String, as type: T.Type) -> T? where T.RawValue == String {
        if answers[id] == nil { errors.append(form.missing(at: prefix + id)) }
        return choice(id, as: type)
    }

    mutating func requiredChoiceValue(_ id: String) -> String? {
        guard case .choice(let value) = answers[id] else {
            errors.append(form.missing(at: prefix + id))
            return nil
        }
        return value
    }

    mutating func yesNo(_ id: String, required: Bool) -> YesNoNotKnown? {
        guard case .yesNo(let value) = answers[id] else {
            if required { errors.append(form.missing(at: prefix + id)) }
            return nil
        }
        return value
    }

    mutating func multiple(_ id: String) -> [String] {
        guard case .multiple(let values) = answers[id] else { return [] }
        return values
    }

    /// A group's rows, each read with its own reader (its errors folded into this one's by `merge`).
    func rows(_ id: String) -> [FormAnswerReader] {
        guard case .groups(let rows) = answers[id] else { return [] }
        return rows.enumerated().map {
            FormAnswerReader(form: form, answers: $0.element, prefix: "\(prefix)\(id)[\($0.offset)].")
        }
    }

    mutating func merge(_ row: FormAnswerReader) {
        errors += row.errors
    }
}
