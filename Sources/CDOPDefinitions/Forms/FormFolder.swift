import CDOPDomain
import Foundation

/// Loads `Forms/` into a `FormCatalog`: `notification.yaml`, `reporting.yaml`, `analysis.yaml`, one file per
/// supplementary form type in `supplementary/`, and older versions in `archive/`; checks each file and then
/// the whole (one form per type, ids unique, archived versions older than current ones, the fields the
/// notification and analysis mappings read).
enum FormFolder {
    static let folder = "Forms"
    static let supplementaryFolder = "Forms/supplementary"
    static let archiveFolder = "Forms/archive"

    private struct Loaded {
        var file: String
        var definition: FormDefinition
    }

    static func load(from root: URL, log: inout ProblemLog) -> FormCatalog? {
        guard let entries = DefinitionSet.names(in: folder, of: root) else {
            log.add(
                folder, "",
                "there is no \(folder) folder in \(root.path): it holds the notification, reporting, supplementary and analysis forms"
            )
            return nil
        }
        for entry in entries
        where ![
            "README.md", "notification.yaml", "reporting.yaml", "analysis.yaml", "supplementary", "archive", "national",
        ]
        .contains(entry) {
            log.add(
                "\(folder)/\(entry)", "",
                "unexpected here: Forms/ holds notification.yaml, reporting.yaml, analysis.yaml, supplementary/, "
                    + "archive/ and national/"
            )
        }
        let notification = loadFile("\(folder)/notification.yaml", in: root, log: &log)
        let reporting = loadFile("\(folder)/reporting.yaml", in: root, log: &log)
        let analysis = loadFile("\(folder)/analysis.yaml", in: root, log: &log)
        var supplementary: [Loaded] = []
        for entry in DefinitionSet.listing(supplementaryFolder, in: root, log: &log) {
            let file = "\(supplementaryFolder)/\(entry)"
            guard DefinitionSet.yamlStem(entry) != nil else {
                if entry != "README.md" { log.add(file, "", "not a form: forms are .yaml files") }
                continue
            }
            if let loaded = loadFile(file, in: root, log: &log) { supplementary.append(loaded) }
        }
        var archived: [Loaded] = []
        for entry in DefinitionSet.names(in: archiveFolder, of: root) ?? [] {
            let file = "\(archiveFolder)/\(entry)"
            guard DefinitionSet.yamlStem(entry) != nil else {
                if entry != "README.md" { log.add(file, "", "not a form: archived forms are .yaml files") }
                continue
            }
            if let loaded = loadFile(file, in: root, log: &log) { archived.append(loaded) }
        }

        // The three fixed forms.
        expect(notification, id: "notification", formType: nil, log: &log)
        expect(analysis, id: "analysis", formType: nil, log: &log)
        if let reporting, reporting.definition.formType != .reporting {
            log.add(reporting.file, "form-type", "the reporting form must declare 'form-type: reporting'")
        }
        if let notification {
            checkContract(
                notification, mapping: "notification", NotificationFields.required, NotificationFields.choiceValues,
                log: &log)
        }
        if let analysis {
            checkContract(
                analysis, mapping: "analysis", AnalysisFields.required, AnalysisFields.choiceValues, log: &log)
        }

        // One supplementary form per supplementary type.
        var byType: [FormType: Loaded] = [:]
        for loaded in supplementary {
            guard let type = loaded.definition.formType else {
                log.add(
                    loaded.file, "form-type",
                    "missing: a supplementary form says which request it answers, e.g. 'form-type: sudiSudc'")
                continue
            }
            guard type.isSupplementary else {
                log.add(
                    loaded.file, "form-type",
                    "'reporting' is the reporting form (Forms/reporting.yaml), not a supplementary form")
                continue
            }
            if let other = byType[type] {
                log.add(
                    loaded.file, "form-type", "\(other.file) is also the form for '\(type.rawValue)': keep one of them")
            } else {
                byType[type] = loaded
            }
        }
        for type in FormType.allCases where type.isSupplementary && byType[type] == nil {
            log.add(
                "\(supplementaryFolder)/", "",
                "there is no form for '\(type.rawValue)' (the \(type.label)): add a file with 'form-type: \(type.rawValue)'"
            )
        }

        // Ids unique among current forms; archived forms are older versions of current ones.
        let current = [notification, reporting].compactMap { $0 } + supplementary + [analysis].compactMap { $0 }
        var fileOfID: [String: String] = [:]
        for loaded in current {
            if let other = fileOfID[loaded.definition.id] {
                log.add(loaded.file, "id", "the id '\(loaded.definition.id)' is also used by \(other)")
            } else {
                fileOfID[loaded.definition.id] = loaded.file
            }
        }
        var seen: Set<FormDefinitionReference> = []
        for loaded in archived {
            let definition = loaded.definition
            guard let now = current.first(where: { $0.definition.id == definition.id }) else {
                log.add(
                    loaded.file, "id",
                    "no current form has the id '\(definition.id)': an archived file is an older version of a current form"
                )
                continue
            }
            if definition.version >= now.definition.version {
                log.add(
                    loaded.file, "version",
                    "version \(definition.version) is not older than \(now.file) (version \(now.definition.version)): "
                        + "give the current form the new, higher version")
            } else if !seen.insert(definition.reference).inserted {
                log.add(
                    loaded.file, "version",
                    "another archived file is also '\(definition.id)' version \(definition.version)")
            }
        }

        // The national data set, and each form's mapping to it.
        let national = loadNational(in: root, log: &log)
        if let national {
            NationalMappingCheck.check(
                current.map { .init(file: $0.file, definition: $0.definition, isCurrent: true) }
                    + archived.map { .init(file: $0.file, definition: $0.definition, isCurrent: false) },
                against: national, catalogueFile: NationalCatalogueFile.file, log: &log)
        }

        guard let notification, let reporting, let analysis, let national,
            byType.count == FormType.allCases.count - 1
        else {
            return nil
        }
        return FormCatalog(
            notification: notification.definition, reporting: reporting.definition, analysis: analysis.definition,
            supplementary: byType.mapValues(\.definition), archived: archived.map(\.definition), national: national)
    }

    private static func loadNational(in root: URL, log: inout ProblemLog) -> NationalCatalogue? {
        readYAML(
            NationalCatalogueFile.file, in: root,
            missing: "missing: the national data set's items, which the forms' 'national' keys name", log: &log,
            NationalCatalogueFile.load)
    }

    private static func loadFile(_ file: String, in root: URL, log: inout ProblemLog) -> Loaded? {
        readYAML(file, in: root, missing: "missing: cdop needs this form", log: &log, FormFile.load).map {
            Loaded(file: file, definition: $0)
        }
    }

    /// Reads one YAML file of the folder with `load`, its problems logged; a missing file is a problem too.
    private static func readYAML<Value>(
        _ file: String, in root: URL, missing: String, log: inout ProblemLog,
        _ load: (String, YAMLReader) -> Value?
    ) -> Value? {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path) else {
            log.add(file, "", missing)
            return nil
        }
        guard let text = DefinitionSet.read(file, in: root, log: &log) else { return nil }
        let reader = YAMLReader(file: file)
        let value = load(text, reader)
        log.append(reader.problems)
        return value
    }

    private static func expect(_ loaded: Loaded?, id: String, formType: FormType?, log: inout ProblemLog) {
        guard let loaded else { return }
        if loaded.definition.id != id {
            log.add(loaded.file, "id", "this file's form must have the id '\(id)', not '\(loaded.definition.id)'")
        }
        if let type = loaded.definition.formType, type != formType {
            log.add(loaded.file, "form-type", "this form answers no request: remove 'form-type: \(type.rawValue)'")
        }
    }

    /// The fields a mapping in the shell reads: present, of the right type, offering exactly the domain's values.
    private static func checkContract(
        _ loaded: Loaded, mapping: String, _ required: [(id: String, type: FieldType)],
        _ choices: [(id: String, values: [String])], log: inout ProblemLog
    ) {
        func field(_ path: String) -> FormField? {
            let parts = path.split(separator: ".").map(String.init)
            guard let top = loaded.definition.field(parts[0]) else { return nil }
            return parts.count == 1 ? top : top.field(parts[1])
        }
        for (id, type) in required {
            guard let found = field(id) else {
                log.add(loaded.file, id, "missing: the \(mapping) mapping reads a \(type.rawValue) field '\(id)'")
                continue
            }
            if found.type != type {
                log.add(
                    loaded.file, id,
                    "is a \(found.type.rawValue) field, but the \(mapping) mapping reads it as \(type.rawValue)")
            }
        }
        for (id, values) in choices {
            guard let found = field(id), found.type.hasOptions else { continue }
            let offered = found.options.map(\.value)
            let missing = values.filter { !offered.contains($0) }
            let extra = offered.filter { !values.contains($0) }
            if !missing.isEmpty || !extra.isEmpty {
                log.add(
                    loaded.file, id,
                    "the options must be exactly the values the \(mapping) mapping knows ("
                        + values.joined(separator: ", ") + ")"
                        + (missing.isEmpty ? "" : "; missing: " + missing.joined(separator: ", "))
                        + (extra.isEmpty ? "" : "; unknown: " + extra.joined(separator: ", ")))
            }
        }
    }
}
