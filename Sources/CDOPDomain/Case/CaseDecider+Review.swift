import Foundation

/// Waiting on external processes, the child death review meeting, and readiness for the panel.
extension CaseDecider {
    /// Pauses the timeliness clock while an external process runs (one open pause per process).
    static func awaitExternalProcess(
        _ process: ExternalProcess, _ reason: String, _ since: CalendarDate, _ state: CaseState,
        _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        if let open = state.openPauses.first(where: { $0.process == process }) {
            throw DomainError(
                code: "pause.alreadyOpen",
                "The case is already awaiting the \(process.label) since \(DayFormatter.long(open.from)).")
        }
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("await an external process") }
        try requireWithinCase(since, field: "date the wait began", state, context)
        return [.reviewPaused(ReviewPaused(process: process, reason: reason, from: since, at: context.now))]
    }

    /// Resumes the clock when an awaited process concludes.
    static func concludeExternalProcess(
        _ process: ExternalProcess, _ day: CalendarDate, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        guard let open = state.openPauses.first(where: { $0.process == process }) else {
            throw DomainError(
                code: "pause.notOpen", "The case is not awaiting the \(process.label), so there is nothing to resume.")
        }
        guard day >= open.from else {
            throw DomainError(
                code: "pause.endsBeforeStart",
                "The date the \(process.label) concluded (\(DayFormatter.long(day))) is before the wait began "
                    + "(\(DayFormatter.long(open.from))).")
        }
        guard day <= context.today else {
            throw .dateInFuture(field: "date the \(process.label) concluded", date: day, today: context.today)
        }
        return [.reviewResumed(ReviewResumed(process: process, on: day, at: context.now))]
    }

    /// Records the child death review meeting and its draft analysis (once).
    static func recordReviewMeetingHeld(
        _ meetingID: MeetingID?, _ heldOn: CalendarDate, _ draftAnalysis: String, _ state: CaseState,
        _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        if let held = state.reviewMeeting {
            throw DomainError(
                code: "reviewMeeting.alreadyRecorded",
                "A child death review meeting was already recorded, held on \(DayFormatter.long(held.heldOn)).")
        }
        try requireWithinCase(heldOn, field: "date of the child death review meeting", state, context)
        return [
            .reviewMeetingHeld(
                ReviewMeetingHeld(
                    meetingID: meetingID, heldOn: heldOn, draftAnalysis: TextField.optional(draftAnalysis) ?? "",
                    at: context.now))
        ]
    }

    /// Marks the case ready for the panel: triaged, no rapid response under way, nothing awaited.
    static func markReadyForPanel(_ state: CaseState, _ context: DecisionContext) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        guard state.readyForPanelAt == nil else { return [] }
        guard state.triage != nil else { throw .notTriaged }
        if state.rapidResponse?.isActive == true {
            throw DomainError(
                code: "rapidResponse.stillActive",
                "The Joint Agency Response is still under way; the designated doctor completes it (on the case's "
                    + "rapid-response page) before the case goes to the panel.")
        }
        try requireNothingAwaited(state)
        return [.markedReadyForPanel(MarkedReadyForPanel(at: context.now))]
    }

    /// Refuses while an external process is awaited.
    static func requireNothingAwaited(_ state: CaseState) throws(DomainError) {
        if let open = state.openPauses.first {
            throw DomainError(
                code: "case.awaitingExternal",
                "The case is awaiting the \(open.process.label) (since \(DayFormatter.long(open.from))); "
                    + "record its conclusion first.")
        }
    }

    /// Lists the case for a panel meeting (listing it again for the same meeting changes nothing).
    static func assignToPanelMeeting(
        _ meetingID: MeetingID, _ meetingDate: CalendarDate, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        guard state.readyForPanelAt != nil else {
            throw DomainError(code: "case.notReadyForPanel", "The case is not marked ready for the panel yet.")
        }
        if state.panelMeeting == meetingID && state.panelMeetingDate == meetingDate { return [] }
        return [
            .assignedToPanelMeeting(
                AssignedToPanelMeeting(meetingID: meetingID, meetingDate: meetingDate, at: context.now))
        ]
    }
}
