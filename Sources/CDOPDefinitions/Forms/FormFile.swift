import CDOPDomain
import Foundation
import Yams

/// Reads one form file (`Forms/*.yaml`) into a `FormDefinition`, naming every problem with its key path.
enum FormFile {
    static let formKeys = ["id", "version", "title", "summary", "form-type", "sections"]
    static let sectionKeys = ["id", "title", "help", "fields"]
    static let fieldKeys = [
        "id", "label", "type", "required", "help", "options", "show-if", "fields", "max-length", "min", "max",
        "suggestions",
        "not-after-today", "identifying", "error-name", "national",
    ]
    static let optionKeys = ["value", "label", "help"]
    static let conditionKeys = ["field", "one-of"]
    static let nationalKeys = ["item", "codes"]

    /// The definition, or nil when the file is too broken to make one (the reader holds the problems).
    static func load(_ text: String, reader: YAMLReader) -> FormDefinition? {
        guard let root = reader.parse(text),
            let top = reader.mapping(
                root, at: "", allowed: formKeys, required: ["id", "version", "title", "sections"])
        else { return nil }
        let id = reader.identifier(top["id"], at: "id")
        let version = reader.int(top["version"], at: "version", atLeast: 1)
        let title = reader.string(top["title"], at: "title")
        let summary = top["summary"].flatMap { reader.string($0, at: "summary") } ?? ""
        let formType = top["form-type"].flatMap {
            reader.choice($0, at: "form-type", of: FormType.self, what: "form type")
        }
        var scope = Scope()
        var sections: [FormSection] = []
        var sectionIDs: Set<String> = []
        for (index, node) in (reader.sequence(top["sections"], at: "sections", what: "sections") ?? []).enumerated() {
            let path = join("sections", index)
            guard
                let section = reader.mapping(node, at: path, allowed: sectionKeys, required: ["id", "title", "fields"])
            else { continue }
            let sectionID = reader.identifier(section["id"], at: section.path("id"))
            if let sectionID, !sectionIDs.insert(sectionID).inserted {
                reader.problem(
                    section.path("id"), section["id"], "the section id '\(sectionID)' is used twice in this form")
            }
            let fields = self.fields(section["fields"], at: section.path("fields"), scope: &scope, reader: reader)
            if let sectionID, let sectionTitle = reader.string(section["title"], at: section.path("title")) {
                sections.append(
                    FormSection(
                        id: sectionID, title: sectionTitle,
                        help: section["help"].flatMap { reader.string($0, at: section.path("help")) }, fields: fields))
            }
        }
        if top["sections"] != nil, sections.isEmpty, reader.problems.isEmpty {
            reader.problem("sections", top["sections"], "a form needs at least one section with fields")
        }
        guard let id, let version, let title else { return nil }
        return FormDefinition(
            id: id, version: version, title: title, summary: summary, formType: formType, sections: sections)
    }

    /// The fields answered before the one being read: what a condition may name.
    struct Scope {
        var earlier: [String: FormField] = [:]
        var ids: Set<String> = []
    }

    static func fields(_ node: Node?, at path: String, scope: inout Scope, reader: YAMLReader) -> [FormField] {
        var result: [FormField] = []
        let nodes = reader.sequence(node, at: path, what: "fields") ?? []
        if node != nil, nodes.isEmpty { reader.problem(path, node, "is empty: list at least one field") }
        for (index, node) in nodes.enumerated() {
            if let field = self.field(node, at: join(path, index), scope: &scope, inGroup: false, reader: reader) {
                result.append(field)
            }
        }
        return result
    }

    static func field(
        _ node: Node, at path: String, scope: inout Scope, inGroup: Bool, reader: YAMLReader
    ) -> FormField? {
        guard let keys = reader.mapping(node, at: path, allowed: fieldKeys, required: ["id", "label", "type"])
        else { return nil }
        let id = reader.identifier(keys["id"], at: keys.path("id"))
        if let id, !scope.ids.insert(id).inserted {
            reader.problem(
                keys.path("id"), keys["id"],
                "the field id '\(id)' is used twice \(inGroup ? "in this group" : "in this form"): give each field its own id"
            )
        }
        let label = reader.string(keys["label"], at: keys.path("label"))
        let type = reader.choice(keys["type"], at: keys.path("type"), of: FieldType.self, what: "field type")
        let required = keys["required"].flatMap { reader.bool($0, at: keys.path("required")) } ?? false
        let identifying = keys["identifying"].flatMap { reader.bool($0, at: keys.path("identifying")) } ?? false
        let help = keys["help"].flatMap { reader.string($0, at: keys.path("help")) }
        let errorName = keys["error-name"].flatMap { reader.string($0, at: keys.path("error-name")) }

        func only(_ key: String, for types: [FieldType], _ what: String) -> Node? {
            guard let value = keys[key] else { return nil }
            if let type, !types.contains(type) {
                reader.problem(
                    keys.path(key), value,
                    "'\(key)' applies only to \(what) fields; remove it from this \(type.rawValue) field")
                return nil
            }
            return value
        }
        let maxLength = only("max-length", for: [.text, .longText], "text and long-text").flatMap {
            reader.int($0, at: keys.path("max-length"), atLeast: 1)
        }
        // Answers to offer while free text stays allowed (the panel's learning themes).
        let suggestionsPath = keys.path("suggestions")
        let suggestions =
            only("suggestions", for: [.text], "text").map { node in
                (reader.sequence(node, at: suggestionsPath, what: "texts") ?? []).enumerated().compactMap {
                    index, item in
                    reader.string(item, at: join(suggestionsPath, index))
                }
            } ?? []
        let minimum = only("min", for: [.number], "number").flatMap { number($0, at: keys.path("min"), reader: reader) }
        let maximum = only("max", for: [.number], "number").flatMap { number($0, at: keys.path("max"), reader: reader) }
        if let minimum, let maximum, minimum > maximum {
            reader.problem(keys.path("max"), keys["max"], "is less than 'min' (\(minimum)): no number could be given")
        }
        let notAfterToday =
            only("not-after-today", for: [.date, .dateTime], "date and date-time").flatMap {
                reader.bool($0, at: keys.path("not-after-today"))
            } ?? false

        // Options.
        var options: [FieldOption] = []
        if let type, type == .choice || type == .multipleChoice {
            if keys["options"] == nil {
                reader.problem(
                    keys.path("options"), node, "a \(type.rawValue) field needs 'options': a list of value and label")
            }
            options = self.options(keys["options"], at: keys.path("options"), reader: reader)
        } else if let value = keys["options"] {
            reader.problem(
                keys.path("options"), value,
                type == .yesNoNotKnown
                    ? "a yes-no-not-known field has its options built in (yes, no, notKnown); remove 'options'"
                    : "only choice and multiple-choice fields have options; remove them or change the type")
        }

        // Group rows.
        var rowFields: [FormField] = []
        if type == .group {
            if inGroup {
                reader.problem(
                    keys.path("type"), keys["type"],
                    "a group cannot hold another group: put its fields in this group or a new top-level group")
            } else {
                var rowScope = Scope(earlier: scope.earlier, ids: [])
                let nodes = reader.sequence(keys["fields"], at: keys.path("fields"), what: "fields") ?? []
                if nodes.isEmpty {
                    reader.problem(keys.path("fields"), node, "a group needs 'fields': the fields of one row")
                }
                for (index, child) in nodes.enumerated() {
                    if let rowField = self.field(
                        child, at: join(keys.path("fields"), index), scope: &rowScope, inGroup: true, reader: reader)
                    {
                        rowFields.append(rowField)
                    }
                }
            }
        } else if let value = keys["fields"] {
            reader.problem(
                keys.path("fields"), value,
                "only group fields hold other fields; remove 'fields' or make the type 'group'")
        }

        let condition = keys["show-if"].flatMap {
            self.condition($0, at: keys.path("show-if"), scope: scope, reader: reader)
        }
        let national = keys["national"].flatMap { self.national($0, at: keys.path("national"), reader: reader) }
        guard let id, let label, let type else { return nil }
        let result = FormField(
            id: id, label: label, type: type, required: required, help: help, options: options, condition: condition,
            fields: rowFields, maxLength: maxLength, minimum: minimum, maximum: maximum, notAfterToday: notAfterToday,
            identifying: identifying, errorName: errorName, suggestions: suggestions, national: national)
        scope.earlier[id] = result
        return result
    }

    static func options(_ node: Node?, at path: String, reader: YAMLReader) -> [FieldOption] {
        var options: [FieldOption] = []
        let nodes = reader.sequence(node, at: path, what: "options") ?? []
        if node != nil, nodes.isEmpty { reader.problem(path, node, "is empty: list at least one option") }
        for (index, node) in nodes.enumerated() {
            let optionPath = join(path, index)
            guard let keys = reader.mapping(node, at: optionPath, allowed: optionKeys, required: ["value", "label"]),
                let value = reader.string(keys["value"], at: keys.path("value")),
                let label = reader.string(keys["label"], at: keys.path("label"))
            else { continue }
            guard value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                reader.problem(
                    keys.path("value"), keys["value"],
                    "'\(value)' must be letters, digits and dashes only (it is stored and exported)")
                continue
            }
            if options.contains(where: { $0.value == value }) {
                reader.problem(keys.path("value"), keys["value"], "the value '\(value)' is listed twice")
                continue
            }
            options.append(
                FieldOption(
                    value: value, label: label, help: keys["help"].flatMap { reader.string($0, at: keys.path("help")) })
            )
        }
        return options
    }

    static func condition(_ node: Node, at path: String, scope: Scope, reader: YAMLReader) -> FieldCondition? {
        guard let keys = reader.mapping(node, at: path, allowed: conditionKeys, required: ["field", "one-of"]),
            let field = reader.string(keys["field"], at: keys.path("field"))
        else { return nil }
        guard let earlier = scope.earlier[field] else {
            reader.problem(
                keys.path("field"), keys["field"],
                "'\(field)' is not a field before this one\(YAMLReader.suggestion(field, among: Array(scope.earlier.keys))): "
                    + "a condition names an earlier field of the form (or of the same group)")
            return nil
        }
        guard earlier.type.hasOptions else {
            reader.problem(
                keys.path("field"), keys["field"],
                "'\(field)' is a \(earlier.type.rawValue) field: a condition can only test a choice, multiple-choice or yes-no-not-known field"
            )
            return nil
        }
        var values: [String] = []
        let nodes = reader.sequence(keys["one-of"], at: keys.path("one-of"), what: "option values") ?? []
        if nodes.isEmpty {
            reader.problem(keys.path("one-of"), keys["one-of"], "is empty: list the values that show this field")
        }
        for (index, valueNode) in nodes.enumerated() {
            guard let value = reader.string(valueNode, at: join(keys.path("one-of"), index)) else { continue }
            guard earlier.optionLabel(value) != nil else {
                let known = earlier.options.map(\.value)
                reader.problem(
                    join(keys.path("one-of"), index), valueNode,
                    "'\(field)' has no option '\(value)'\(YAMLReader.suggestion(value, among: known)); its options are: "
                        + known.joined(separator: ", "))
                continue
            }
            values.append(value)
        }
        guard !values.isEmpty else { return nil }
        return FieldCondition(field: field, oneOf: values)
    }

    /// `national: { item: reporting.B.mode-of-death, codes: { notKnown: unknown } }`: the item the field fills
    /// (checked against the national catalogue once every form is read).
    static func national(_ node: Node, at path: String, reader: YAMLReader) -> NationalMapping? {
        guard let keys = reader.mapping(node, at: path, allowed: nationalKeys, required: ["item"]),
            let item = reader.string(keys["item"], at: keys.path("item"))
        else { return nil }
        var codes: [String: String] = [:]
        for entry in reader.entries(keys["codes"], at: keys.path("codes"), what: "choice ids and national codes") ?? []
        {
            if let code = reader.string(entry.value, at: join(keys.path("codes"), entry.key)) {
                codes[entry.key] = code
            }
        }
        return NationalMapping(item: item, codes: codes)
    }

    static func number(_ node: Node, at path: String, reader: YAMLReader) -> Double? {
        guard let text = reader.string(node, at: path) else { return nil }
        guard let value = Double(text), value.isFinite else {
            reader.problem(path, node, "'\(text)' is not a number")
            return nil
        }
        return value
    }
}
