import CDOPDefinitions
import CDOPDomain
import Foundation

/// A case's readiness for the national return, with the empty required national items found from the form
/// definitions: the notification read back as the notification form's answers, each returned form against the
/// version it was answered in, and the panel's outcome as the analysis form's answers.
package enum NationalReturnCheck {
    package static func readiness(_ state: CaseState, forms: FormCatalog) -> NationalReturnReadiness {
        NationalReturnReadiness(state, gaps: gaps(state, forms: forms))
    }

    /// The required national items each part the return needs leaves empty.
    package static func gaps(_ state: CaseState, forms: FormCatalog) -> [NationalReturnPart: [NationalItemGap]] {
        var gaps: [NationalReturnPart: [NationalItemGap]] = [:]
        for part in NationalReturnReadiness.partsNeeded(state) {
            let empty = gapsOfPart(part, state, forms: forms)
            if !empty.isEmpty { gaps[part] = empty }
        }
        return gaps
    }

    /// The required national items one part leaves empty (none for a part not there).
    package static func gapsOfPart(
        _ part: NationalReturnPart, _ state: CaseState, forms: FormCatalog
    ) -> [NationalItemGap] {
        guard let (definition, answers) = answered(part, state, forms: forms) else { return [] }
        return definition.emptyRequiredNationalItems(answers, in: forms.national).map {
            NationalItemGap(item: $0.key, label: $0.label)
        }
    }

    /// The form a part was answered on, and its answers.
    static func answered(
        _ part: NationalReturnPart, _ state: CaseState, forms: FormCatalog
    ) -> (FormDefinition, FormAnswers)? {
        switch part {
        case .notification:
            return state.notification.map { (forms.notification, NotificationFormMapping.answers(from: $0)) }
        case .outcome:
            return state.panelOutcome.map { (forms.analysis, AnalysisFormMapping.answers(from: $0, actions: [])) }
        case .request(let id):
            guard let request = state.request(id), let reference = request.answered,
                let definition = forms.definition(reference)
            else { return nil }
            return (definition, request.answers)
        }
    }
}

extension CaseWorkflow {
    /// Finalises a part of the case's national return, with the required national items it leaves empty found
    /// from `forms` in the same transaction (the domain refuses while any is empty).
    @discardableResult
    package func finaliseNationalReturnPart(
        _ part: NationalReturnPart, on caseID: CaseID, forms: FormCatalog, by actor: Actor
    ) throws(CommandError) -> [CaseEvent] {
        let (schedules, links) = (schedules, links)
        return try handler.run(by: actor) { session throws(CommandError) in
            try Self.finalise(part, on: caseID, forms: forms, in: session, schedules: schedules, links: links)
        }.value ?? []
    }

    /// `finaliseNationalReturnPart` for the web server, through the group commit's queue.
    @discardableResult
    package func finaliseNationalReturnPart(
        _ part: NationalReturnPart, on caseID: CaseID, forms: FormCatalog, by actor: Actor
    ) async throws(CommandError) -> [CaseEvent] {
        let (schedules, links) = (schedules, links)
        return try await handler.runQueued(by: actor) { session throws(CommandError) in
            try Self.finalise(part, on: caseID, forms: forms, in: session, schedules: schedules, links: links)
        }.value ?? []
    }

    private static func finalise(
        _ part: NationalReturnPart, on caseID: CaseID, forms: FormCatalog, in session: CommandSession,
        schedules: (any ScheduleCatalog)?, links: PractitionerLinks?
    ) throws(CommandError) -> [CaseEvent] {
        let (state, _) = try session.state(of: CaseDecider.self, caseID.streamID)
        let empty = state.exists ? NationalReturnCheck.gapsOfPart(part, state, forms: forms) : []
        return try decide(
            .finaliseNationalReturnPart(part, emptyRequiredItems: empty), on: caseID, in: session,
            schedules: schedules, links: links)
    }
}
