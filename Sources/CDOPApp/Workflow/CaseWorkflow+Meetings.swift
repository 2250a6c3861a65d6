import CDOPDomain
import Foundation

extension CaseWorkflow {
    /// Records that a meeting took place. A rapid-response meeting is recorded as held on each case that convened
    /// it too, in the same transaction, so the case's Joint Agency Response targets stop and the annual report
    /// counts the meeting (Working Together 2023, ch. 6: the rapid response's meeting).
    @discardableResult
    package func recordMeetingHeld(
        _ meetingID: MeetingID, attendance: [AttendanceRecord], by actor: Actor
    ) throws(CommandError) -> [MeetingEvent] {
        try handler.run(by: actor) { session throws(CommandError) in
            let events = try session.decide(
                MeetingDecider.self, meetingID.streamID, .recordHeld(attendance: attendance))
            guard case .held(let held)? = events.first else { return events }
            let (meeting, _) = try session.state(of: MeetingDecider.self, meetingID.streamID)
            guard meeting.type == .rapidResponse else { return events }
            for caseID in meeting.agenda {
                let (state, _) = try session.state(of: CaseDecider.self, caseID.streamID)
                guard let response = state.rapidResponse, response.meetings.contains(meetingID),
                    response.held[meetingID] == nil, !state.isClosed
                else { continue }
                try session.decideOnCase(
                    caseID, .recordRapidResponseMeetingHeld(meetingID: meetingID, heldAt: held.at),
                    schedules: schedules,
                    links: links)
            }
            return events
        }.value ?? []
    }

    /// Records the designated doctor's triage; when it confirms an open Joint Agency Response's death as expected
    /// with no trigger, the response is completed with the doctor's reason, in the same transaction.
    package func retriage(
        _ caseID: CaseID, expectation: Expectation, confirmedBy: String, triggers: Set<JARTrigger>, reason: String?,
        by actor: Actor
    ) throws(CommandError) {
        try handler.run(by: actor) { session throws(CommandError) in
            let (before, _) = try session.state(of: CaseDecider.self, caseID.streamID)
            guard before.exists else { throw .notFound(kind: "case", reference: caseID.description) }
            try session.decideOnCase(
                caseID, .triage(expectation: expectation, confirmedBy: confirmedBy, triggers: triggers),
                schedules: schedules, links: links)
            guard before.rapidResponse?.isActive == true, expectation == .expected, triggers.isEmpty, let reason else {
                return
            }
            try session.decideOnCase(
                caseID, .completeRapidResponse(note: "Re-triaged as expected: \(reason)"), schedules: schedules,
                links: links)
        }
    }
}
