import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// What a practitioner can do with the link in their email: open the form it answers, save a draft, submit.
///
/// The token is hashed at once and only the hash is looked up; whether the link may be used is the domain's
/// rule (`CaseState.linkUse`), checked when the page opens and again inside the transaction that saves, so a
/// link withdrawn, superseded or expired between the page loading and the practitioner pressing a button is
/// refused with the same practitioner-facing message.
package struct PractitionerAccess: Sendable {
    package let workflow: CaseWorkflow
    /// Who the events record: the link, never the practitioner's own address.
    package static let actor = Actor(name: "practitioner-link", role: "practitioner")

    package init(workflow: CaseWorkflow) {
        self.workflow = workflow
    }

    /// The case and request a link answers, and whether it may be used at `now`. A token no link was issued
    /// for is refused (`link.unknown`).
    package func open(token: String, now: Date) throws(CommandError) -> (caseID: CaseID, state: CaseState, use: LinkUse)
    {
        let tokenHash = PractitionerLinks.hash(of: token)
        let caseID: CaseID?
        do {
            caseID = try workflow.handler.store.snapshot { db in try LinkQueries.caseID(forTokenHash: tokenHash, in: db)
            }
        } catch {
            throw .store(error)
        }
        guard let caseID else { throw Self.refusal(.unknown) }
        let state = try workflow.caseState(caseID)
        return (caseID, state, state.linkUse(tokenHash: tokenHash, now: now))
    }

    /// Records that the link's form was opened (`view`: "page" or "api"), in one transaction with the check that
    /// the link is usable: the form is shown only when its opening is on the record.
    package func recordOpened(token: String, view: String, now: Date) throws(CommandError) {
        _ = try onUsableLink(token, now) { request in .recordFormOpened(requestID: request.id, view: view) }
    }

    /// `recordOpened` for the web server: many openings at once share a commit.
    package func recordOpened(token: String, view: String, now: Date) async throws(CommandError) {
        _ = try await onUsableLinkQueued(token, now) { request in .recordFormOpened(requestID: request.id, view: view) }
    }

    /// Keeps the practitioner's unfinished answers on the request, replacing any earlier draft.
    @discardableResult
    package func saveDraft(
        token: String, definition: FormDefinitionReference, answers: FormAnswers, now: Date
    ) throws(CommandError) -> [CaseEvent] {
        try onUsableLink(token, now) { request in
            .saveFormDraft(requestID: request.id, definition: definition, answers: answers, savedBy: request.agencyName)
        }
    }

    /// `saveDraft` for the web server: many drafts at once share a commit.
    @discardableResult
    package func saveDraft(
        token: String, definition: FormDefinitionReference, answers: FormAnswers, now: Date
    ) async throws(CommandError) -> [CaseEvent] {
        try await onUsableLinkQueued(token, now) { request in
            .saveFormDraft(requestID: request.id, definition: definition, answers: answers, savedBy: request.agencyName)
        }
    }

    /// Returns the form: the request is answered and its chasing stops.
    @discardableResult
    package func submit(
        token: String, definition: FormDefinitionReference, answers: FormAnswers, now: Date
    ) throws(CommandError) -> [CaseEvent] {
        try onUsableLink(token, now) { request in
            .recordFormReturned(
                requestID: request.id, definition: definition, answers: answers, submittedBy: request.agencyName)
        }
    }

    /// Why a practitioner who answers that the agency did not know the child declines the form.
    package static let didNotKnowTheChild = "The agency did not know the child"

    /// Declines the form because the agency did not know the child: the request is answered and its chasing stops.
    @discardableResult
    package func declineNotKnown(token: String, now: Date) throws(CommandError) -> [CaseEvent] {
        try onUsableLink(token, now) { request in
            .recordDecline(requestID: request.id, reason: Self.didNotKnowTheChild, declaredBy: request.agencyName)
        }
    }

    /// Runs the command `make` gives for the link's request, in one transaction with the check that the link
    /// is usable.
    private func onUsableLink(
        _ token: String, _ now: Date, _ make: @escaping @Sendable (FormRequest) -> CaseCommand
    ) throws(CommandError) -> [CaseEvent] {
        try workflow.handler.run(by: Self.actor, command(onLink: token, now, make)).value ?? []
    }

    /// `onUsableLink` for the web server, waiting in the store's queue without holding a thread.
    private func onUsableLinkQueued(
        _ token: String, _ now: Date, _ make: @escaping @Sendable (FormRequest) -> CaseCommand
    ) async throws(CommandError) -> [CaseEvent] {
        try await workflow.handler.runQueued(by: Self.actor, command(onLink: token, now, make)).value ?? []
    }

    /// The command's body: find the link's case, check the link may be used, decide `make`'s command.
    private func command(
        onLink token: String, _ now: Date, _ make: @escaping @Sendable (FormRequest) -> CaseCommand
    ) -> @Sendable (CommandSession) throws(CommandError) -> [CaseEvent] {
        let tokenHash = PractitionerLinks.hash(of: token)
        let workflow = workflow
        return { session throws(CommandError) -> [CaseEvent] in
            let found: CaseID?
            do {
                found = try LinkQueries.caseID(forTokenHash: tokenHash, in: session.db)
            } catch {
                throw .store(.storage(code: -1, message: "practitioner link lookup failed"))
            }
            guard let caseID = found else { throw Self.refusal(.unknown) }
            let (state, _) = try session.state(of: CaseDecider.self, caseID.streamID)
            switch state.linkUse(tokenHash: tokenHash, now: now) {
            case .refused(let refusal):
                throw Self.refusal(refusal)
            case .usable(let request):
                return try session.decideOnCase(
                    caseID, make(request), schedules: workflow.schedules, links: workflow.links)
            }
        }
    }

    /// A refusal as a command error carrying the practitioner's message.
    package static func refusal(_ refusal: LinkRefusal) -> CommandError {
        .rejected(DomainError(code: refusal.code, refusal.message))
    }
}
