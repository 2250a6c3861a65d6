import CDOPDomain
import Foundation

/// A national item's value as the return sends it: text (dates as `YYYY-MM-DD`), a number, a list of national
/// codes (for an item of type `codes`), or the rows of a repeating group keyed by their fields' ids.
package enum NationalValue: Hashable, Sendable, Encodable {
    case text(String)
    case number(Double)
    case codes([String])
    case rows([[String: NationalValue]])

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .codes(let codes): try container.encode(codes)
        case .rows(let rows): try container.encode(rows)
        }
    }

    /// The value as one CSV cell: codes joined by `;`, rows as `field=value` pairs.
    package var cell: String {
        switch self {
        case .text(let text): text
        case .number(let number): NationalValue.spelled(number)
        case .codes(let codes): codes.joined(separator: ";")
        case .rows(let rows):
            rows.map { row in
                row.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.cell)" }.joined(separator: ", ")
            }
            .joined(separator: " | ")
        }
    }

    static func spelled(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

extension FormDefinition {
    /// The national items these answers fill, by item key: each top-level field with a `national:` key, shown by
    /// its condition and answered, its choices sent as their national codes. An item of type `codes` is always a
    /// list; any other coded item takes its one code.
    package func nationalValues(_ answers: FormAnswers, in catalogue: NationalCatalogue) -> [String: NationalValue] {
        var values: [String: NationalValue] = [:]
        for field in fields {
            guard let mapping = field.national, let answer = answers[field.id] else { continue }
            if let condition = field.condition, !condition.isSatisfied(by: answers) { continue }
            let item = catalogue.item(mapping.item)
            guard let value = Self.value(answer, mapping: mapping, listed: item?.type == .codes) else { continue }
            values[mapping.item] = value
        }
        return values
    }

    private static func value(_ answer: AnswerValue, mapping: NationalMapping, listed: Bool) -> NationalValue? {
        let value: NationalValue?
        switch answer {
        case .text(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            value = trimmed.isEmpty ? nil : .text(trimmed)
        case .number(let number): value = .number(number)
        case .date(let day): value = .text(day.iso)
        case .choice(let choice): value = .text(mapping.code(for: choice))
        case .yesNo(let answer): value = .text(mapping.code(for: answer.rawValue))
        case .multiple(let choices): value = choices.isEmpty ? nil : .codes(choices.map(mapping.code(for:)))
        case .groups(let rows):
            let kept = rows.map { row in
                row.compactMapValues { Self.value($0, mapping: NationalMapping(item: ""), listed: false) }
            }
            .filter { !$0.isEmpty }
            value = kept.isEmpty ? nil : .rows(kept)
        }
        if listed, case .text(let code) = value { return .codes([code]) }
        return value
    }
}
