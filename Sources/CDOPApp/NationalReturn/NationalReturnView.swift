import CDOPDefinitions
import CDOPDomain
import Foundation

/// A case's national return as the JSON API and `cdop case show --json` give it: whether it is ready, why not,
/// and what is finalised.
package struct NationalReturnView: Encodable, Sendable, Equatable {
    package struct Reason: Encodable, Sendable, Equatable {
        /// A `NotReadyReason.Kind`, e.g. "formNotFinalised".
        package var kind: String
        /// "notification", "outcome" or a request's id.
        package var part: String
        /// The national item's key, for an empty required item.
        package var item: String?
        package var detail: String
    }

    package struct Finalised: Encodable, Sendable, Equatable {
        package var part: String
        package var at: String
    }

    /// False for a case outside this panel's return (out of scope, merged or transferred).
    package var included: Bool
    package var ready: Bool
    package var reasons: [Reason]
    package var finalised: [Finalised]

    package init(_ state: CaseState, readiness: NationalReturnReadiness) {
        included = readiness.included
        ready = readiness.ready
        reasons = readiness.reasons.map { reason in
            var item: String?
            if case .requiredItemEmpty(_, let gap) = reason { item = gap.item }
            return Reason(
                kind: reason.kind.rawValue, part: reason.part.description, item: item, detail: reason.description)
        }
        finalised = state.nationalReturnFinalised.map {
            Finalised(part: $0.key.description, at: Timestamp.format($0.value))
        }
        .sorted { ($0.at, $0.part) < ($1.at, $1.part) }
    }

    /// The view of `state`, with empty required items found from `forms` when given.
    package init(_ state: CaseState, forms: FormCatalog?) {
        let readiness =
            forms.map { NationalReturnCheck.readiness(state, forms: $0) } ?? NationalReturnReadiness(state)
        self.init(state, readiness: readiness)
    }
}
