/// One answer on a returned form, in a JSON-like shape every form field fits: text, number, date, choice,
/// several choices, yes/no/not known, or repeating groups of answers.
package indirect enum AnswerValue: Hashable, Sendable {
    case text(String)
    case number(Double)
    case date(CalendarDate)
    case choice(String)
    case multiple([String])
    case yesNo(YesNoNotKnown)
    case groups([[String: AnswerValue]])
}

extension AnswerValue: Codable {
    private enum CodingKeys: String, CodingKey {
        case text, number, date, choice, multiple, yesNo, groups
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: c.codingPath, debugDescription: "An answer has exactly one kind"))
        }
        switch key {
        case .text: self = .text(try c.decode(String.self, forKey: key))
        case .number: self = .number(try c.decode(Double.self, forKey: key))
        case .date: self = .date(try c.decode(CalendarDate.self, forKey: key))
        case .choice: self = .choice(try c.decode(String.self, forKey: key))
        case .multiple: self = .multiple(try c.decode([String].self, forKey: key))
        case .yesNo: self = .yesNo(try c.decode(YesNoNotKnown.self, forKey: key))
        case .groups: self = .groups(try c.decode([[String: AnswerValue]].self, forKey: key))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let v): try c.encode(v, forKey: .text)
        case .number(let v): try c.encode(v, forKey: .number)
        case .date(let v): try c.encode(v, forKey: .date)
        case .choice(let v): try c.encode(v, forKey: .choice)
        case .multiple(let v): try c.encode(v, forKey: .multiple)
        case .yesNo(let v): try c.encode(v, forKey: .yesNo)
        case .groups(let v): try c.encode(v, forKey: .groups)
        }
    }
}

/// A returned form's answers keyed by field id.
package typealias FormAnswers = [String: AnswerValue]
