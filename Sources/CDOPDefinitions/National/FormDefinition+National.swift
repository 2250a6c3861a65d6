import CDOPDomain
import Foundation

extension FormDefinition {
    /// The national items the return requires that these answers leave empty: each top-level field mapped to a
    /// required item, shown by its condition, with no answer (or an empty one). Group rows are not checked.
    package func emptyRequiredNationalItems(_ answers: FormAnswers, in catalogue: NationalCatalogue) -> [NationalItem] {
        fields.compactMap { field in
            guard let mapping = field.national, let item = catalogue.item(mapping.item), item.required else {
                return nil
            }
            if let condition = field.condition, !condition.isSatisfied(by: answers) { return nil }
            return Self.isEmpty(answers[field.id]) ? item : nil
        }
    }

    private static func isEmpty(_ answer: AnswerValue?) -> Bool {
        switch answer {
        case nil: true
        case .text(let text): text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .multiple(let values): values.isEmpty
        case .groups(let rows): rows.isEmpty
        default: false
        }
    }
}
