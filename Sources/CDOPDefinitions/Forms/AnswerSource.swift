import CDOPDomain
import Foundation

/// One field's answer as read from a source, before the checks every answer gets.
enum ReadAnswer {
    case absent
    case value(AnswerValue)
    case malformed(String)
}

/// Where answers come from: an HTML post or JSON answers.
protocol AnswerSource {
    func read(_ field: FormField) -> ReadAnswer
    /// The rows of a repeating group, with the index errors are reported at.
    func rows(of group: FormField) -> [(index: Int, source: any AnswerSource)]
    /// Keys that name no field (reported for JSON; a post's extra keys are ignored).
    func unknownKeys(known fields: [FormField]) -> [String]
}

/// An HTML form post; `prefix` is "" for the form and "group[index]." inside a row.
struct PostSource: AnswerSource {
    let post: [String: [String]]
    let prefix: String

    private func values(_ key: String) -> [String] {
        (post[prefix + key] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func read(_ field: FormField) -> ReadAnswer {
        let first = values(field.id).first
        switch field.type {
        case .text, .longText:
            guard let first else { return .absent }
            return .value(.text(first.replacingOccurrences(of: "\r\n", with: "\n")))
        case .date:
            if let first {
                guard let date = CalendarDate(iso: first) else { return .malformed(FieldMessage.notRealDate(field)) }
                return .value(.date(date))
            }
            return dateFromParts(field)
        case .dateTime:
            guard let first else { return .absent }
            guard let text = FormText.dateTime(first) else { return .malformed(FieldMessage.notRealDateTime(field)) }
            return .value(.text(text))
        case .number:
            guard let first else { return .absent }
            guard let number = FormText.parseNumber(first) else { return .malformed(FieldMessage.notANumber(field)) }
            return .value(.number(number))
        case .choice:
            guard let first else { return .absent }
            return .value(.choice(first))
        case .multipleChoice:
            let chosen = values(field.id)
            guard !chosen.isEmpty else { return .absent }
            return .value(.multiple(field.inOptionOrder(chosen)))
        case .yesNoNotKnown:
            guard let first else { return .absent }
            guard let answer = YesNoNotKnown(rawValue: first) else { return .malformed(FieldMessage.notAnOption) }
            return .value(.yesNo(answer))
        case .group:
            return .absent
        }
    }

    /// GOV.UK's date input: `FIELD-day`, `FIELD-month`, `FIELD-year`.
    private func dateFromParts(_ field: FormField) -> ReadAnswer {
        let parts = ["day", "month", "year"].map { (name: $0, text: values("\(field.id)-\($0)").first) }
        let missing = parts.filter { $0.text == nil }.map(\.name)
        if missing.count == 3 { return .absent }
        if !missing.isEmpty {
            let list =
                missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
            return .malformed("\(field.label) must include a \(list)")
        }
        let numbers = parts.map { $0.text.flatMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil } }
        guard let day = numbers[0], let month = numbers[1], let year = numbers[2], parts[2].text?.count == 4,
            let date = CalendarDate(year: year, month: month, day: day)
        else { return .malformed(FieldMessage.notRealDate(field)) }
        return .value(.date(date))
    }

    func rows(of group: FormField) -> [(index: Int, source: any AnswerSource)] {
        let start = prefix + group.id + "["
        var indices: Set<Int> = []
        for (key, values) in post
        where key.hasPrefix(start) && values.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let rest = key.dropFirst(start.count)
            guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), index >= 0 else { continue }
            indices.insert(index)
        }
        return indices.sorted().map {
            (index: $0, source: PostSource(post: post, prefix: "\(start)\($0)].") as any AnswerSource)
        }
    }

    func unknownKeys(known fields: [FormField]) -> [String] { [] }
}

/// Answers sent as JSON.
struct AnswersSource: AnswerSource {
    let answers: FormAnswers

    func read(_ field: FormField) -> ReadAnswer {
        guard let answer = answers[field.id] else { return .absent }
        switch (field.type, answer) {
        case (.text, .text(let text)), (.longText, .text(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? .absent : .value(.text(trimmed))
        case (.dateTime, .text(let text)):
            guard let normalised = FormText.dateTime(text) else {
                return .malformed(FieldMessage.notRealDateTime(field))
            }
            return .value(.text(normalised))
        case (.date, .date), (.number, .number), (.choice, .choice), (.yesNoNotKnown, .yesNo), (.group, .groups):
            return .value(answer)
        case (.multipleChoice, .multiple(let values)):
            return values.isEmpty ? .absent : .value(.multiple(field.inOptionOrder(values)))
        default:
            return .malformed("\(field.label) must be given as \(FormText.jsonShape(field.type))")
        }
    }

    func rows(of group: FormField) -> [(index: Int, source: any AnswerSource)] {
        guard case .groups(let rows) = answers[group.id] else { return [] }
        return rows.enumerated().map {
            (index: $0.offset, source: AnswersSource(answers: $0.element) as any AnswerSource)
        }
    }

    func unknownKeys(known fields: [FormField]) -> [String] {
        let ids = Set(fields.map(\.id))
        return answers.keys.filter { !ids.contains($0) }.sorted()
    }
}
