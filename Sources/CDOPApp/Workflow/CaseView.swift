import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import Foundation

/// A case as the coordinator reads it: at the terminal (text), or as a program reads it (`--json`, the JSON API).
package struct CaseView: Encodable, Sendable {
    package struct Request: Encodable, Sendable {
        package var id: String
        package var agency: String
        package var form: String
        package var contact: String
        package var due: String
        package var status: String
        /// Why the agency declined, when it gave a reason.
        package var declineReason: String?
        /// The returned form's definition (ID@VERSION) and answers, once returned.
        package var definition: String?
        package var answers: FormAnswers?
    }

    package struct Action: Encodable, Sendable {
        package var id: String
        package var text: String
        package var owner: String
        package var due: String
        package var completed: String?
    }

    package struct Pause: Encodable, Sendable {
        package var process: String
        package var reason: String
        package var from: String
        package var until: String?
    }

    package struct Outcome: Encodable, Sendable {
        package var primaryCategory: Int
        package var category: String
        package var otherCategories: [Int]
        package var outcome: String
        package var factors: [String]
        package var learning: [String]
        package var reviewedOn: String
    }

    package var caseId: String
    package var reference: String
    /// The case's reference in another record (a historic import's `reference`).
    package var externalReference: String?
    package var stage: String
    package var child: String
    package var dateOfBirth: String
    package var dateOfDeath: String
    package var area: String?
    package var expectation: String?
    package var jarTriggers: [String]
    package var possibleDuplicateOf: String?
    package var duplicateOf: String?
    package var requests: [Request]
    package var pauses: [Pause]
    package var outcome: Outcome?
    package var actions: [Action]
    package var reviewDaysExcludingPauses: Int?
    package var timeline: [TimelineEntry]
    /// What the national return still lacks (empty required items only when the forms were given).
    package var nationalReturn: NationalReturnView

    package init(
        caseID: CaseID, state: CaseState, timeline: [TimelineEntry], panel: PanelConfiguration,
        forms: FormCatalog? = nil
    ) {
        caseId = caseID.description
        reference = caseID.reference
        externalReference = state.externalReference
        stage = state.stage?.name ?? "none"
        child = state.notification?.child.name.fullName ?? ""
        // An erased date of birth reads as one giving the same age band: shown as erased, not as a date.
        dateOfBirth =
            state.erasedSubjects.contains("child")
            ? PersonalFields.erasedText : state.notification?.child.dateOfBirth.iso ?? ""
        dateOfDeath = state.notification?.death.date.iso ?? ""
        area = state.areaCode.map { code in panel.area(code: code).map { "\($0.name) (\(code))" } ?? code }
        expectation = state.expectation?.label
        jarTriggers = state.triage?.triggers.map { "\($0)" } ?? []
        possibleDuplicateOf = state.possibleDuplicateOf.map(\.reference)
        duplicateOf = state.duplicateOf.map(\.reference)
        requests = state.formRequests.map {
            Request(
                id: $0.id.description, agency: $0.agencyName, form: $0.formType.label, contact: $0.contactEmail,
                due: $0.dueDate.iso, status: $0.status.label, declineReason: $0.declineReason,
                definition: $0.answered.map { "\($0.id)@\($0.version)" }, answers: $0.answered == nil ? nil : $0.answers
            )
        }
        pauses = state.pauses.map {
            Pause(process: $0.process.label, reason: $0.reason, from: $0.from.iso, until: $0.until?.iso)
        }
        outcome = state.panelOutcome.map {
            Outcome(
                primaryCategory: $0.primaryCategory.rawValue, category: $0.primaryCategory.label,
                otherCategories: $0.otherCategories.map(\.rawValue), outcome: $0.judgementLabel,
                factors: $0.factors.map {
                    "\($0.domain.label): \($0.description) (level \($0.level.rawValue)\($0.modifiable ? ", modifiable" : ""))"
                },
                learning: $0.learningPoints.map { "\($0.theme): \($0.text)" }, reviewedOn: $0.reviewedOn.iso)
        }
        actions = state.recommendations.map {
            Action(
                id: $0.id.description, text: $0.text, owner: $0.owner, due: $0.dueDate.iso,
                completed: $0.completedOn?.iso)
        }
        reviewDaysExcludingPauses = state.reviewDaysExcludingPauses
        self.timeline = timeline
        nationalReturn = NationalReturnView(state, forms: forms)
    }
}
