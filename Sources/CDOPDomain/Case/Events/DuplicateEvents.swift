import Foundation

/// The coordinator found that a possible duplicate is a different death; the link is cleared.
package struct PossibleDuplicateRejected: EventPayload {
    package static let typeName = "case.possibleDuplicateRejected.v1"
    package var of: CaseID
    package var reason: String
    package var at: Date

    package var summary: String { "Not a duplicate of \(of.reference): \(reason)" }
}

/// The coordinator confirmed this case notifies the same death as `primary`; this case ends here.
package struct DuplicateConfirmed: EventPayload {
    package static let typeName = "case.duplicateConfirmed.v1"
    package var primary: CaseID
    package var at: Date

    package var summary: String { "Confirmed as a duplicate of \(primary.reference) and merged into it" }
}

/// A confirmed duplicate was merged into this case, adding what this case did not already know.
package struct DuplicateMerged: EventPayload {
    package static let typeName = "case.duplicateMerged.v1"
    package var from: CaseID
    /// The duplicate's notifier, kept as a further notifier of this death.
    package var notifier: Notifier
    /// The NHS number, when this case had none and the duplicate had one.
    package var nhsNumberAdded: NHSNumber?
    package var professionalsAdded: [ProfessionalInvolved]
    package var agenciesAdded: [AgencyInvolvement]
    package var at: Date

    package var summary: String {
        var added = ["notifier \(notifier.name) (\(notifier.organisation))"]
        if nhsNumberAdded != nil { added.append("NHS number") }
        if !professionalsAdded.isEmpty { added.append("\(professionalsAdded.count) professional(s) involved") }
        if !agenciesAdded.isEmpty { added.append("\(agenciesAdded.count) agency(ies) involved") }
        return "Duplicate \(from.reference) merged: added " + added.joined(separator: ", ")
    }
}
