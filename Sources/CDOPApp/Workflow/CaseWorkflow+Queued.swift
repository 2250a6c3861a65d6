import CDOPDomain
import Foundation

/// The commands as the web server runs them: each waits for the store's writer in the group commit's queue, not on
/// one of Swift's few cooperative threads, and commands that arrive together share a commit. Same rules, same
/// events, as the synchronous forms.
extension CaseWorkflow {
    /// Any command on one case.
    @discardableResult
    package func execute(_ command: CaseCommand, on caseID: CaseID, by actor: Actor, commandID: UUID = UUID())
        async throws(CommandError) -> [CaseEvent]
    {
        let (schedules, links) = (schedules, links)
        return try await handler.runQueued(by: actor, commandID: commandID) { session throws(CommandError) in
            try Self.decide(command, on: caseID, in: session, schedules: schedules, links: links)
        }.value ?? []
    }

    /// Any command on one meeting (recording it held, which also writes to its cases, runs as the synchronous form).
    @discardableResult
    package func execute(_ command: MeetingCommand, on meetingID: MeetingID, by actor: Actor)
        async throws(CommandError) -> [MeetingEvent]
    {
        if case .recordHeld(let attendance) = command {
            return try recordMeetingHeld(meetingID, attendance: attendance, by: actor)
        }
        return try await handler.runQueued(by: actor) { session throws(CommandError) in
            try session.decide(MeetingDecider.self, meetingID.streamID, command)
        }.value ?? []
    }

    /// Any command on one agency of the directory.
    @discardableResult
    package func execute(_ command: AgencyCommand, on agencyID: AgencyID, by actor: Actor)
        async throws(CommandError) -> [AgencyEvent]
    {
        try await handler.runQueued(by: actor) { session throws(CommandError) in
            try session.decide(AgencyDecider.self, agencyID.streamID, command)
        }.value ?? []
    }
}
