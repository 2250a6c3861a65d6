import Foundation

/// Triage by the designated doctor and the Joint Agency Response (rapid response) it may open.
extension CaseDecider {
    /// Records the designated doctor's triage; an unexpected death or any trigger opens a rapid response.
    static func triage(
        _ expectation: Expectation, _ confirmedBy: String, _ triggers: Set<JARTrigger>, _ state: CaseState,
        _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        guard expectation != .notKnown else {
            throw DomainError(
                code: "triage.expectationNotKnown",
                "The designated doctor must confirm the death as expected or unexpected (not \"not known\").")
        }
        let doctor = try TextField.required(
            confirmedBy, field: "designated doctor's name", code: "triage.doctorMissing")
        let sorted = triggers.sorted()
        if let current = state.triage, current.expectation == expectation, current.triggers == sorted { return [] }
        var events: [CaseEvent] = [
            .deathTriaged(
                DeathTriaged(expectation: expectation, confirmedBy: doctor, triggers: sorted, at: context.now))
        ]
        let needsResponse = expectation == .unexpected || !sorted.isEmpty
        if needsResponse && state.rapidResponse == nil {
            events.append(
                .rapidResponseOpened(
                    RapidResponseOpened(unexpected: expectation == .unexpected, triggers: sorted, at: context.now)))
        }
        return events
    }

    /// The rapid response under way, or a refusal.
    static func activeRapidResponse(_ state: CaseState) throws(DomainError) -> RapidResponseRecord {
        guard let response = state.rapidResponse else {
            throw DomainError(
                code: "rapidResponse.notOpen",
                "No Joint Agency Response is open: the death was not triaged as unexpected or meeting a trigger.")
        }
        if let completed = response.completedAt {
            throw DomainError(
                code: "rapidResponse.completed",
                "The Joint Agency Response was completed on \(DayFormatter.long(completed)).")
        }
        return response
    }

    /// Records that the designated doctor convened a rapid-response meeting (again for the same meeting: nothing).
    static func conveneRapidResponse(
        _ meetingID: MeetingID, _ scheduledFor: Date, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        let response = try activeRapidResponse(state)
        if response.meetings.contains(meetingID) { return [] }
        let day = LondonTime.day(of: scheduledFor)
        if let died = state.notification?.death.date, day < died {
            throw DomainError(
                code: "input.dateBeforeDeath",
                "The rapid-response meeting date (\(DayFormatter.long(day))) is before the date of death (\(DayFormatter.long(died)))."
            )
        }
        return [
            .rapidResponseConvened(
                RapidResponseConvened(
                    meetingID: meetingID, scheduledFor: Timestamp.normalised(scheduledFor), at: context.now))
        ]
    }

    /// Records when a convened rapid-response meeting took place (once per meeting).
    static func recordRapidResponseMeetingHeld(
        _ meetingID: MeetingID, _ heldAt: Date, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        try requireInScope(state)
        guard let response = state.rapidResponse, response.meetings.contains(meetingID) else {
            throw DomainError(
                code: "rapidResponse.meetingNotConvened",
                "The meeting \(meetingID) was not convened as this case's rapid-response meeting.")
        }
        if response.held[meetingID] != nil { return [] }
        guard heldAt <= context.now else {
            throw DomainError(
                code: "input.dateInFuture",
                "The time the rapid-response meeting was held (\(DayFormatter.dayAndTime(heldAt))) is in the future.")
        }
        try requireWithinCase(LondonTime.day(of: heldAt), field: "rapid-response meeting date", state, context)
        return [
            .rapidResponseMeetingHeld(
                RapidResponseMeetingHeld(meetingID: meetingID, heldAt: Timestamp.normalised(heldAt), at: context.now))
        ]
    }

    /// Completes the Joint Agency Response.
    static func completeRapidResponse(_ note: String, _ state: CaseState, _ context: DecisionContext)
        throws(DomainError) -> [CaseEvent]
    {
        try requireUnderReview(state)
        _ = try activeRapidResponse(state)
        return [.rapidResponseCompleted(RapidResponseCompleted(note: TextField.optional(note) ?? "", at: context.now))]
    }
}
