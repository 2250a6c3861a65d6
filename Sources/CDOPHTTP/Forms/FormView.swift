import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// A form definition turned into what the templates show: every field with its label, hint, value as typed
/// and error, whatever its type. The same definition validates the post (CDOPDefinitions), so the page
/// and the rules cannot drift apart.
struct FormView: Encodable {
    struct OptionView: Encodable, Sendable {
        var id: String
        var value: String
        var label: String
        var hint: String?
        var checked: Bool
    }

    struct RowView: Encodable, Sendable {
        var index: Int
        var number: Int
        var fields: [FieldView]
    }

    /// A class, not a struct: the templates look into each field as it is, without copying it into a box.
    final class FieldView: Encodable, Sendable {
        let id: String
        let name: String
        let label: String
        let hint: String?
        let optional: Bool
        let error: String?
        let hintID: String
        let errorID: String
        let describedBy: String?
        let value: String
        let isText: Bool
        let isLongText: Bool
        let isDate: Bool
        let isDateTime: Bool
        let isNumber: Bool
        let isChoice: Bool
        let isMultiple: Bool
        let isGroup: Bool
        /// A text field answered from a list the server knows (the panel's areas): a select.
        let isSelect: Bool
        let options: [OptionView]
        let rows: [RowView]
        let addRowValue: String
        let maxLength: Int?
        let condition: String?
        /// Answers offered as the person types (a datalist: no JavaScript); free text is still accepted.
        let suggestions: [String]

        init(
            id: String, name: String, label: String, hint: String?, optional: Bool, error: String?, hintID: String,
            errorID: String, describedBy: String?, value: String, isText: Bool, isLongText: Bool, isDate: Bool,
            isDateTime: Bool, isNumber: Bool, isChoice: Bool, isMultiple: Bool, isGroup: Bool, isSelect: Bool,
            options: [OptionView], rows: [RowView], addRowValue: String, maxLength: Int?, condition: String?,
            suggestions: [String] = []
        ) {
            self.id = id
            self.name = name
            self.label = label
            self.hint = hint
            self.optional = optional
            self.error = error
            self.hintID = hintID
            self.errorID = errorID
            self.describedBy = describedBy
            self.value = value
            self.isText = isText
            self.isLongText = isLongText
            self.isDate = isDate
            self.isDateTime = isDateTime
            self.isNumber = isNumber
            self.isChoice = isChoice
            self.isMultiple = isMultiple
            self.isGroup = isGroup
            self.isSelect = isSelect
            self.options = options
            self.rows = rows
            self.addRowValue = addRowValue
            self.maxLength = maxLength
            self.condition = condition
            self.suggestions = suggestions
        }

        /// A multiple choice's hint, saying once that any number of options may be ticked.
        static func multipleHint(_ hint: String?) -> String {
            let help = hint ?? ""
            return help.localizedCaseInsensitiveContains("select all that apply")
                ? help : (help + " Select all that apply.").trimmingCharacters(in: .whitespaces)
        }
    }

    struct SectionView: Encodable, Sendable {
        var id: String
        var title: String
        var help: String?
        var fields: [FieldView]
    }

    var title: String
    var summary: String
    var reference: String
    var sections: [SectionView]

    /// The form with `values` as typed (a post, or saved answers as post values) and `errors` by field path.
    /// `extraRows` adds blank rows to groups (the "add another" button, without JavaScript).
    init(
        _ definition: FormDefinition, values: [String: [String]], errors: [String: String], extraRows: Set<String> = [],
        choices: [String: [FieldOption]] = [:]
    ) {
        title = definition.title
        summary = definition.summary
        reference = "\(definition.id) version \(definition.version)"
        sections = definition.sections.map { section in
            SectionView(
                id: section.id, title: section.title, help: section.help,
                fields: section.fields.map { field in
                    Self.field(
                        field, name: field.id, in: definition, values: values, errors: errors, extraRows: extraRows,
                        choices: choices)
                })
        }
    }

    /// A field's element id from its name: "people[0].name" is "people-0-name" ("[" and "]." become "-").
    static func elementID(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: "[")) else { return name }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var utf8 = name.utf8.makeIterator()
        var pending: UInt8?
        while let byte = pending ?? utf8.next() {
            pending = nil
            switch byte {
            case UInt8(ascii: "["):
                bytes.append(UInt8(ascii: "-"))
            case UInt8(ascii: "]"):
                let next = utf8.next()
                if next == UInt8(ascii: ".") {
                    bytes.append(UInt8(ascii: "-"))
                } else {
                    bytes.append(byte)
                    pending = next
                }
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func field(
        _ field: FormField, name: String, in definition: FormDefinition, values: [String: [String]],
        errors: [String: String],
        extraRows: Set<String>, choices: [String: [FieldOption]] = [:]
    ) -> FieldView {
        let id = Self.elementID(name)
        let typed = values[name] ?? []
        let error = errors[name]
        var options: [OptionView] = []
        let select = field.type == .text ? choices[field.id] : nil
        if let select {
            options = select.map {
                OptionView(id: id, value: $0.value, label: $0.label, hint: nil, checked: typed.first == $0.value)
            }
        } else if field.type.hasOptions {
            let choices =
                field.type == .yesNoNotKnown && field.options.isEmpty ? FieldOption.yesNoNotKnown : field.options
            options = choices.enumerated().map { index, option in
                OptionView(
                    id: index == 0 ? id : "\(id)-\(index)", value: option.value, label: option.label, hint: option.help,
                    checked: typed.contains(option.value))
            }
        }
        var rows: [RowView] = []
        if field.type == .group {
            let count = max(1, rowCount(of: name, in: values)) + (extraRows.contains(name) ? 1 : 0)
            rows = (0..<count).map { index in
                RowView(
                    index: index, number: index + 1,
                    fields: field.fields.map { inner in
                        Self.field(
                            inner, name: "\(name)[\(index)].\(inner.id)", in: definition, values: values,
                            errors: errors,
                            extraRows: extraRows)
                    })
            }
        }
        let condition = field.condition.map { condition in
            let other = definition.field(condition.field)
            let answers = condition.oneOf.map { other?.optionLabel($0) ?? $0 }
            return "Answer only if “\(other?.label ?? condition.field)” is \(answers.joined(separator: " or "))."
        }
        var describedBy: [String] = []
        if field.help != nil || condition != nil { describedBy.append("\(id)-hint") }
        if error != nil { describedBy.append("\(id)-error") }
        let hint = [condition, field.help].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        return FieldView(
            id: id, name: name, label: field.label, hint: hint,
            optional: !field.required, error: error, hintID: "\(id)-hint", errorID: "\(id)-error",
            describedBy: describedBy.joined(separator: " ").nilIfEmpty, value: typed.first ?? "",
            isText: field.type == .text && select == nil, isLongText: field.type == .longText,
            isDate: field.type == .date,
            isDateTime: field.type == .dateTime, isNumber: field.type == .number,
            isChoice: field.type == .choice || field.type == .yesNoNotKnown, isMultiple: field.type == .multipleChoice,
            isGroup: field.type == .group, isSelect: select != nil, options: options, rows: rows,
            addRowValue: "add-row:\(name)",
            maxLength: field.maxLength, condition: condition, suggestions: field.suggestions)
    }

    /// How many rows of group `name` the values hold (the highest index sent, plus one).
    static func rowCount(of name: String, in values: [String: [String]]) -> Int {
        let prefix = name + "["
        var highest = -1
        for key in values.keys where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]) { highest = max(highest, index) }
        }
        return highest + 1
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
