import CDOPDefinitions
import CDOPDomain

/// A form definition as the API gives it: the same definition that drives the pages and validation.
struct FormDefinitionJSON: Encodable {
    struct Summary: Encodable {
        var id: String
        var version: Int
        var title: String
        var formType: String?

        init(_ form: FormDefinition) {
            id = form.id
            version = form.version
            title = form.title
            formType = form.formType?.rawValue
        }
    }

    struct Section: Encodable {
        var id: String
        var title: String
        var help: String?
        var fields: [Field]
    }

    struct Option: Encodable {
        var value: String
        var label: String
    }

    struct Condition: Encodable {
        var field: String
        var oneOf: [String]
    }

    struct Field: Encodable {
        var id: String
        var label: String
        var type: String
        var required: Bool
        var help: String?
        var options: [Option]?
        var showIf: Condition?
        var fields: [Field]?
        var maxLength: Int?
        var identifying: Bool

        init(_ field: FormField) {
            id = field.id
            label = field.label
            type = field.type.rawValue
            required = field.required
            help = field.help
            let choices =
                field.type == .yesNoNotKnown && field.options.isEmpty ? FieldOption.yesNoNotKnown : field.options
            options = choices.isEmpty ? nil : choices.map { Option(value: $0.value, label: $0.label) }
            showIf = field.condition.map { Condition(field: $0.field, oneOf: $0.oneOf) }
            fields = field.fields.isEmpty ? nil : field.fields.map(Field.init)
            maxLength = field.maxLength
            identifying = field.identifying
        }
    }

    var id: String
    var version: Int
    var title: String
    var summary: String
    var sections: [Section]

    init(_ form: FormDefinition) {
        id = form.id
        version = form.version
        title = form.title
        summary = form.summary
        sections = form.sections.map {
            Section(id: $0.id, title: $0.title, help: $0.help, fields: $0.fields.map(Field.init))
        }
    }
}
