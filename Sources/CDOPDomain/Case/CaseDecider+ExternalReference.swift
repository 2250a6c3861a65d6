import Foundation

extension CaseDecider {
    /// The longest external reference kept: a reference, not a note.
    package static let externalReferenceLimit = 64

    /// Keeps the case's reference in another record; the same reference again records nothing.
    static func recordExternalReference(
        _ reference: String, _ source: String, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let reference = try TextField.required(
            reference, field: "external reference", code: "externalReference.missing")
        guard reference.count <= externalReferenceLimit, !reference.contains(where: \.isNewline) else {
            throw DomainError(
                code: "externalReference.tooLong",
                "The reference \"\(reference.prefix(externalReferenceLimit))…\" is longer than \(externalReferenceLimit) characters or spans lines; give the reference alone."
            )
        }
        let source = try TextField.required(source, field: "source of the reference", code: "externalReference.missing")
        guard state.externalReference != reference else { return [] }
        return [.externalReferenceRecorded(ExternalReferenceRecorded(reference: reference, source: source, at: now))]
    }
}
