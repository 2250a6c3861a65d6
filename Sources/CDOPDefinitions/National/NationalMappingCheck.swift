import Foundation

/// Checks the `national:` keys of the forms against the national catalogue: each names a known item of the
/// form's own national form, of a fitting type, whose code list covers every choice; no item is filled twice
/// in one form; and every item the annual return requires is filled by some field of the current forms.
enum NationalMappingCheck {
    struct Form {
        var file: String
        var definition: FormDefinition
        /// A current form (archived versions need not map every required item).
        var isCurrent: Bool
    }

    static func check(
        _ forms: [Form], against catalogue: NationalCatalogue, catalogueFile: String, log: inout ProblemLog
    ) {
        for national in catalogue.forms where !forms.contains(where: { $0.definition.id == national.cdopForm }) {
            log.add(
                catalogueFile, "forms.\(national.id).cdop-form",
                "no form in Forms/ has the id '\(national.cdopForm)' to answer the national form '\(national.id)'")
        }
        for form in forms {
            let national = catalogue.form(forCDOPForm: form.definition.id)
            var filledBy: [String: String] = [:]
            for (path, field) in mappedFields(form.definition) {
                guard let mapping = field.national else { continue }
                let at = "\(path).national"
                guard let national else {
                    log.add(
                        form.file, at,
                        "no national form is answered by '\(form.definition.id)' (no 'cdop-form: \(form.definition.id)' "
                            + "in \(catalogueFile)); remove the key or add the form there")
                    continue
                }
                guard let item = catalogue.item(mapping.item) else {
                    let known = national.sections.flatMap(\.items).map(\.key)
                    log.add(
                        form.file, "\(at).item",
                        "unknown national item '\(mapping.item)'\(YAMLReader.suggestion(mapping.item, among: known)): "
                            + "the items are listed in \(catalogueFile)")
                    continue
                }
                guard item.form == national.id else {
                    log.add(
                        form.file, "\(at).item",
                        "'\(item.key)' is an item of the national form '\(item.form)', but this form answers '\(national.id)'"
                    )
                    continue
                }
                if let other = filledBy[item.key] {
                    log.add(
                        form.file, "\(at).item",
                        "'\(other)' already fills the national item '\(item.key)': one field per item in a form")
                } else {
                    filledBy[item.key] = path
                }
                checkType(field, item, at: at, file: form.file, log: &log)
                checkCodes(field, mapping, item, at: at, file: form.file, log: &log)
            }
            guard form.isCurrent, let national else { continue }
            for item in national.requiredItems where filledBy[item.key] == nil {
                log.add(
                    form.file, "",
                    "the national item '\(item.key)' (\(item.label)) is required for the return, but no field of this "
                        + "form maps to it: add 'national: { item: \(item.key) }' to the field that answers it")
            }
        }
    }

    /// Every field that can hold a value, with its path ("child-sex", "factors.domain").
    static func mappedFields(_ definition: FormDefinition) -> [(path: String, field: FormField)] {
        definition.fields.flatMap { field in
            field.type == .group ? field.fields.map { ("\(field.id).\($0.id)", $0) } : [(field.id, field)]
        }
    }

    /// The national item types a field type can fill.
    static func fits(_ field: FieldType, _ item: NationalItemType) -> Bool {
        switch field {
        case .text, .longText: item == .text
        case .date: item == .date
        case .dateTime: item == .dateTime
        case .number: item == .number
        case .choice, .yesNoNotKnown: item == .code
        case .multipleChoice: item == .codes
        case .group: false
        }
    }

    private static func checkType(
        _ field: FormField, _ item: NationalItem, at path: String, file: String, log: inout ProblemLog
    ) {
        guard !fits(field.type, item.type) else { return }
        log.add(
            file, "\(path).item",
            "a \(field.type.rawValue) field cannot fill '\(item.key)', a \(item.type.rawValue) item")
    }

    private static func checkCodes(
        _ field: FormField, _ mapping: NationalMapping, _ item: NationalItem, at path: String, file: String,
        log: inout ProblemLog
    ) {
        let known = item.codes.map(\.code)
        guard item.isCoded, field.type.hasOptions else {
            if !mapping.codes.isEmpty {
                log.add(
                    file, "\(path).codes",
                    "only a field with choices mapped to a coded item has codes; remove 'codes'")
            }
            return
        }
        let choices = field.options.map(\.value)
        for (choice, code) in mapping.codes.sorted(by: { $0.key < $1.key }) {
            if !choices.contains(choice) {
                log.add(
                    file, "\(path).codes.\(choice)",
                    "the field has no choice '\(choice)'\(YAMLReader.suggestion(choice, among: choices)); "
                        + "its choices are: " + choices.joined(separator: ", "))
            } else if !known.contains(code) {
                log.add(
                    file, "\(path).codes.\(choice)",
                    "'\(code)' is not a code of '\(item.key)'\(YAMLReader.suggestion(code, among: known)); "
                        + "its codes are: " + known.joined(separator: ", "))
            }
        }
        for choice in choices where mapping.codes[choice] == nil && !known.contains(choice) {
            log.add(
                file, "\(path).codes",
                "the code list does not cover the choice '\(choice)': '\(item.key)' has no code '\(choice)', so map it "
                    + "under 'codes' to one of: " + known.joined(separator: ", "))
        }
    }
}
