import CDOPDomain
import Foundation

/// The access log: every view of a case's identifiable data, and every refused request, recorded on the
/// user's stream (the case's own history stays about the case).
package struct AccessLog: Sendable {
    let handler: CommandHandler
    let engine: Engine

    package init(engine: Engine) {
        handler = engine.workflow.handler
        self.engine = engine
    }

    /// Records that `user` opened `view` of a case's identifiable data.
    package func recordCaseViewed(_ caseID: CaseID, view: CaseDataView, by user: AuthenticatedUser) throws(CommandError)
    {
        try record(.recordCaseViewed(caseID: caseID, view: view), by: user)
    }

    /// `recordCaseViewed` for the web server: the view waits in the store's queue without holding a thread, and
    /// views that arrive together share a commit.
    package func recordCaseViewed(_ caseID: CaseID, view: CaseDataView, by user: AuthenticatedUser)
        async throws(CommandError)
    {
        let command = UserCommand.recordCaseViewed(caseID: caseID, view: view)
        let streamID = user.id.streamID
        try await handler.runQueued(by: user.actor) { session throws(CommandError) in
            try session.decide(UserDecider.self, streamID, command)
        }
    }

    /// Records that `user` was shown the cases `caseIDs` in a list naming the children (nothing when none).
    package func recordCasesListed(_ caseIDs: [CaseID], searched: Bool, by user: AuthenticatedUser) throws(CommandError)
    {
        guard !caseIDs.isEmpty else { return }
        try record(.recordCasesListed(caseIDs: caseIDs, searched: searched), by: user)
    }

    /// Records that `user` was refused `resource` (a route or what was asked; never personal data), with the case
    /// or meeting it was for when the path named one.
    package func recordAccessRefused(
        _ resource: String, reason: AccessRefusal, caseID: CaseID? = nil, meetingID: MeetingID? = nil,
        by user: AuthenticatedUser
    ) throws(CommandError) {
        try record(
            .recordAccessRefused(resource: resource, reason: reason, caseID: caseID, meetingID: meetingID), by: user)
    }

    private func record(_ command: UserCommand, by user: AuthenticatedUser) throws(CommandError) {
        try handler.run(by: user.actor) { session throws(CommandError) in
            try session.decide(UserDecider.self, user.id.streamID, command)
        }
    }
}
