import CDOPDomain
import Foundation

/// One form as data (`Forms/*.yaml`): the notification form, the reporting form (old Form B), a supplementary
/// form or the analysis form (old Form C). One definition drives validation, the page, the JSON API and CSV.
/// A returned form records the `id` and `version` it was answered in (`reference`).
package struct FormDefinition: Hashable, Sendable {
    /// Kebab-case, stable across versions, e.g. "notification", "supplementary-sudi-sudc".
    package var id: String
    /// From 1; a changed form gets a new version, and the old one stays readable in `Forms/archive/`.
    package var version: Int
    package var title: String
    /// One or two sentences shown under the title.
    package var summary: String
    /// The request this form answers (`.reporting` or a supplementary type); nil for notification and analysis.
    package var formType: FormType?
    package var sections: [FormSection]

    package init(
        id: String, version: Int, title: String, summary: String, formType: FormType?, sections: [FormSection]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.formType = formType
        self.sections = sections
    }

    /// What a returned form records.
    package var reference: FormDefinitionReference { FormDefinitionReference(id: id, version: version) }

    /// Every top-level field, section by section, in page order.
    package var fields: [FormField] { sections.flatMap(\.fields) }

    /// The top-level field with this id.
    package func field(_ id: String) -> FormField? { fields.first { $0.id == id } }
}

/// A titled part of a form (a page section or fieldset), e.g. "B. Summary and circumstances".
package struct FormSection: Hashable, Sendable {
    package var id: String
    package var title: String
    package var help: String?
    package var fields: [FormField]

    package init(id: String, title: String, help: String? = nil, fields: [FormField]) {
        self.id = id
        self.title = title
        self.help = help
        self.fields = fields
    }
}

/// The kinds of field a form may hold (`type:` in YAML is the raw value) and the answer each gives.
package enum FieldType: String, Hashable, Sendable, CaseIterable {
    /// One line of text → `.text`.
    case text
    /// Paragraphs → `.text`.
    case longText = "long-text"
    /// A day, `YYYY-MM-DD` (or GOV.UK day, month and year inputs) → `.date`.
    case date
    /// A day and a time in England, `YYYY-MM-DDTHH:MM` → `.text` holding exactly that form.
    case dateTime = "date-time"
    /// A number, whole or decimal → `.number`.
    case number
    /// One of `options` (radios or a select) → `.choice(value)`.
    case choice
    /// Any of `options` (checkboxes) → `.multiple([value])` in option order.
    case multipleChoice = "multiple-choice"
    /// yes / no / not known → `.yesNo`.
    case yesNoNotKnown = "yes-no-not-known"
    /// Repeating rows of other fields (e.g. professionals involved) → `.groups([[field: answer]])`.
    case group

    /// Whether answers are one of a closed set of values (a condition may test it).
    package var hasOptions: Bool { self == .choice || self == .multipleChoice || self == .yesNoNotKnown }
}

/// One value a choice field can take: `value` is stored and exported, `label` is shown.
package struct FieldOption: Hashable, Sendable {
    package var value: String
    package var label: String
    /// Hint text under the option, when it needs one.
    package var help: String?

    package init(value: String, label: String, help: String? = nil) {
        self.value = value
        self.label = label
        self.help = help
    }

    /// The options of a yes / no / not known field.
    package static let yesNoNotKnown: [FieldOption] = [
        FieldOption(value: YesNoNotKnown.yes.rawValue, label: "Yes"),
        FieldOption(value: YesNoNotKnown.no.rawValue, label: "No"),
        FieldOption(value: YesNoNotKnown.notKnown.rawValue, label: "Not known"),
    ]
}

/// Show a field only when an earlier field's answer is one of `oneOf` (for a multiple choice, when any
/// chosen value is). A hidden field is never required and its answer is dropped.
package struct FieldCondition: Hashable, Sendable {
    /// The id of an earlier top-level field, or of an earlier field in the same group.
    package var field: String
    package var oneOf: [String]

    package init(field: String, oneOf: [String]) {
        self.field = field
        self.oneOf = oneOf
    }

    /// Whether the answers so far show the field.
    package func isSatisfied(by answers: FormAnswers) -> Bool {
        switch answers[field] {
        case .choice(let value): oneOf.contains(value)
        case .multiple(let values): values.contains(where: oneOf.contains)
        case .yesNo(let value): oneOf.contains(value.rawValue)
        case .text(let value): oneOf.contains(value)
        default: false
        }
    }
}

/// One question on a form.
package struct FormField: Hashable, Sendable {
    /// Kebab-case, unique in its form (or in its group): the answer's key, the post's name, the CSV column.
    package var id: String
    /// Short, as a question or noun phrase: "Date of death".
    package var label: String
    package var type: FieldType
    package var required: Bool
    /// Hint text under the label.
    package var help: String?
    /// For choice and multiple choice (yes / no / not known fields get `FieldOption.yesNoNotKnown`).
    package var options: [FieldOption]
    package var condition: FieldCondition?
    /// For groups: the fields of one row (never groups themselves).
    package var fields: [FormField]
    /// For text and long text: the most characters accepted.
    package var maxLength: Int?
    /// For numbers.
    package var minimum: Double?
    package var maximum: Double?
    /// For dates and date-times: refuse a day after today (dates of birth, death, completion).
    package var notAfterToday: Bool
    /// Personal data (names, dates of birth, NHS numbers, addresses) hidden from panel members.
    package var identifying: Bool
    /// How error messages name the field after a verb, e.g. "the date of death" in "Enter the date of death";
    /// defaults to the label with a lower-case first letter.
    package var errorName: String
    /// For text: answers offered as the person types (free text still allowed), e.g. the panel's learning themes.
    package var suggestions: [String]
    /// The national data set's item this field fills, when it has one.
    package var national: NationalMapping?

    package init(
        id: String, label: String, type: FieldType, required: Bool = false, help: String? = nil,
        options: [FieldOption] = [], condition: FieldCondition? = nil, fields: [FormField] = [],
        maxLength: Int? = nil, minimum: Double? = nil, maximum: Double? = nil, notAfterToday: Bool = false,
        identifying: Bool = false, errorName: String? = nil, suggestions: [String] = [],
        national: NationalMapping? = nil
    ) {
        self.id = id
        self.label = label
        self.type = type
        self.required = required
        self.help = help
        self.options = type == .yesNoNotKnown && options.isEmpty ? FieldOption.yesNoNotKnown : options
        self.condition = condition
        self.fields = fields
        self.maxLength = maxLength ?? FormField.defaultMaxLength(type)
        self.minimum = minimum
        self.maximum = maximum
        self.notAfterToday = notAfterToday
        self.identifying = identifying
        self.errorName = errorName ?? FormField.lowercasedFirst(label)
        self.suggestions = suggestions
        self.national = national
    }

    /// The label of an option value, when the field has that option.
    package func optionLabel(_ value: String) -> String? { options.first { $0.value == value }?.label }

    /// Chosen values in the order the options are listed, each once (unknown values kept, to be refused).
    package func inOptionOrder(_ values: [String]) -> [String] {
        let known = options.map(\.value).filter(values.contains)
        return known.count == Set(values).count ? known : values
    }

    /// The field of a group row with this id.
    package func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    /// 500 characters for text, 20,000 for long text, none otherwise.
    package static func defaultMaxLength(_ type: FieldType) -> Int? {
        switch type {
        case .text: 500
        case .longText: 20_000
        default: nil
        }
    }

    /// "Date of death" → "date of death"; "NHS number" stays.
    static func lowercasedFirst(_ text: String) -> String {
        let characters = Array(text)
        guard let first = characters.first, characters.count < 2 || !characters[1].isUppercase else { return text }
        return first.lowercased() + String(characters.dropFirst())
    }
}

extension FormDefinition {
    /// The field at an answer path: "child-nhs-number", or "professionals[1].role" for a group row's field.
    package func field(at path: String) -> FormField? {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        let top = parts[0].split(separator: "[").first.map(String.init) ?? parts[0]
        guard let field = field(top) else { return nil }
        return parts.count == 2 ? field.field(parts[1]) : field
    }

    /// An error beside the field at `path` (labelled as the form labels it).
    package func error(at path: String, _ message: String) -> FieldError {
        FieldError(path: path, label: field(at: path)?.label ?? path, message: message)
    }

    /// "Enter the date of death" / "Select …" for the field at `path`.
    package func missing(at path: String) -> FieldError {
        error(at: path, field(at: path).map(FieldMessage.missing) ?? "Answer this question")
    }
}
