import Foundation

/// What a case's national return still lacks. The rule for the annual return: a case the panel reviewed
/// needs its notification, every returned form and the panel's outcome finalised; a case still open needs
/// its notification finalised. Out-of-scope, merged and transferred cases are not part of this panel's return.
package struct NationalReturnReadiness: Hashable, Sendable {
    /// Whether the case belongs in this panel's national return at all.
    package var included: Bool
    /// Why it is not ready, notification first, then the forms in request order, then the outcome.
    package var reasons: [NotReadyReason]

    package var ready: Bool { reasons.isEmpty }

    /// The readiness of `state`. `gaps`: the required national items each part leaves empty, found by the shell
    /// from the form definitions (only the parts the return needs are reported).
    package init(_ state: CaseState, gaps: [NationalReturnPart: [NationalItemGap]] = [:]) {
        guard state.exists, state.duplicateOf == nil, state.transfer == nil, state.outOfScope == nil else {
            self.included = false
            self.reasons = []
            return
        }
        included = true
        var reasons: [NotReadyReason] = []
        func gapsOf(_ part: NationalReturnPart) {
            reasons += (gaps[part] ?? []).map { .requiredItemEmpty(part, $0) }
        }
        if state.nationalReturnFinalised[.notification] == nil { reasons.append(.notificationNotFinalised) }
        gapsOf(.notification)
        if state.panelOutcome != nil {
            for request in state.formRequests {
                let part = NationalReturnPart.request(request.id)
                switch request.resolution {
                case nil:
                    reasons.append(.formNotReturned(request.id, form: request.formType, agency: request.agencyName))
                case .returned:
                    if state.nationalReturnFinalised[part] == nil {
                        reasons.append(
                            .formNotFinalised(request.id, form: request.formType, agency: request.agencyName))
                    }
                    gapsOf(part)
                case .declinedNoInformation, .withdrawn, .waived:
                    break
                }
            }
            if state.nationalReturnFinalised[.outcome] == nil { reasons.append(.outcomeNotFinalised) }
            gapsOf(.outcome)
        } else if !state.supersededOutcomes.isEmpty {
            reasons.append(.outcomeNotRecorded)
        }
        self.reasons = reasons
    }

    /// The parts whose empty required items count: the notification, and once reviewed, each returned form and
    /// the outcome.
    package static func partsNeeded(_ state: CaseState) -> [NationalReturnPart] {
        guard state.panelOutcome != nil else { return [.notification] }
        return [.notification]
            + state.formRequests.compactMap {
                if case .returned = $0.resolution { .request($0.id) } else { nil }
            } + [.outcome]
    }
}
