import CDOPDomain
import Foundation

/// Every form definition in `Forms/`: the current version of each form, and older versions kept in
/// `Forms/archive/` so a form returned long ago can still be read against the questions it answered.
package struct FormCatalog: Hashable, Sendable {
    package var notification: FormDefinition
    package var reporting: FormDefinition
    package var analysis: FormDefinition
    /// One per supplementary `FormType` (the loader refuses a folder missing any).
    package var supplementary: [FormType: FormDefinition]
    /// Older versions, from `Forms/archive/`.
    package var archived: [FormDefinition]
    /// The national data set the forms' `national:` keys name (`Forms/national/ncmd-items.yaml`).
    package var national: NationalCatalogue

    package init(
        notification: FormDefinition, reporting: FormDefinition, analysis: FormDefinition,
        supplementary: [FormType: FormDefinition], archived: [FormDefinition] = [],
        national: NationalCatalogue = NationalCatalogue(forms: [])
    ) {
        self.notification = notification
        self.reporting = reporting
        self.analysis = analysis
        self.supplementary = supplementary
        self.archived = archived
        self.national = national
    }

    /// The current supplementary form for a type; nil for `.reporting`.
    package func supplementary(for type: FormType) -> FormDefinition? {
        supplementary[type]
    }

    /// The current form that answers a request of this type.
    package func definition(for type: FormType) -> FormDefinition {
        type == .reporting ? reporting : supplementary[type] ?? reporting
    }

    /// A form at an exact version, current or archived: what a returned form's reference points to.
    package func definition(id: String, version: Int) -> FormDefinition? {
        (all + archived).first { $0.id == id && $0.version == version }
    }

    /// The definition a returned form recorded.
    package func definition(_ reference: FormDefinitionReference) -> FormDefinition? {
        definition(id: reference.id, version: reference.version)
    }

    /// The current version of a form by id.
    package func current(id: String) -> FormDefinition? {
        all.first { $0.id == id }
    }

    /// Every current form: notification, reporting, the supplementary forms in `FormType` order, analysis.
    package var all: [FormDefinition] {
        [notification, reporting] + FormType.allCases.compactMap { supplementary[$0] } + [analysis]
    }
}
