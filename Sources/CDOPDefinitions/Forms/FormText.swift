import CDOPDomain
import Foundation

/// How answers are written as text: in posts, CSV cells and messages.
package enum FormText {
    /// "2026-11-14T02:10" normalised, or nil when it is not a real date and time.
    package static func dateTime(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])),
            let time = TimeOfDay(text: String(parts[1].prefix(5))), parts[1].count == 5
        else { return nil }
        return "\(day.iso)T\(time)"
    }

    /// "12", "12.5", "1,200" → a finite number.
    package static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        guard let number = Double(cleaned), number.isFinite,
            cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") })
        else { return nil }
        return number
    }

    /// 12.0 → "12", 12.5 → "12.5".
    package static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// How a JSON answer of this type is written, for messages.
    static func jsonShape(_ type: FieldType) -> String {
        switch type {
        case .text, .longText: #"{"text": "…"}"#
        case .dateTime: #"{"text": "YYYY-MM-DDTHH:MM"}"#
        case .date: #"{"date": "YYYY-MM-DD"}"#
        case .number: #"{"number": 12}"#
        case .choice: #"{"choice": "value"}"#
        case .multipleChoice: #"{"multiple": ["value", …]}"#
        case .yesNoNotKnown: #"{"yesNo": "yes"}"# + " (yes, no or notKnown)"
        case .group: #"{"groups": [{…}, …]}"#
        }
    }

    /// One answer as text: what a post carries and a CSV cell holds (several choices joined by "; ").
    package static func text(_ value: AnswerValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): self.number(number)
        case .date(let date): date.iso
        case .choice(let choice): choice
        case .multiple(let values): values.joined(separator: "; ")
        case .yesNo(let answer): answer.rawValue
        case .groups(let rows): "\(rows.count) rows"
        }
    }
}

extension FormDefinition {
    /// Answers as the post that would give them, to fill a form's inputs: `GROUP[INDEX].FIELD` for rows, dates
    /// both as `FIELD` (YYYY-MM-DD) and as `FIELD-day`, `FIELD-month`, `FIELD-year`, one value per checkbox.
    package func post(from answers: FormAnswers) -> [String: [String]] {
        var post: [String: [String]] = [:]
        func add(_ fields: [FormField], _ answers: FormAnswers, prefix: String) {
            for field in fields {
                guard let answer = answers[field.id] else { continue }
                let key = prefix + field.id
                switch answer {
                case .groups(let rows):
                    for (index, row) in rows.enumerated() { add(field.fields, row, prefix: "\(key)[\(index)].") }
                case .multiple(let values):
                    post[key] = values
                case .date(let date):
                    post[key] = [date.iso]
                    post[key + "-day"] = [String(date.day)]
                    post[key + "-month"] = [String(date.month)]
                    post[key + "-year"] = [String(date.year)]
                default:
                    post[key] = [FormText.text(answer)]
                }
            }
        }
        add(fields, answers, prefix: "")
        return post
    }
}
