import Foundation

/// The rules of one child's case, from notification to closure (stream `case-<uuid>`).
package enum CaseDecider: Decider {
    package static let initialState = CaseState()

    /// Decides a case command: refuses commands on missing, merged or transferred cases, then applies the
    /// rule of the command.
    package static func decide(
        _ command: CaseCommand, state: CaseState, context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        if case .notify(let caseID, let notification, let possibleDuplicateOf) = command {
            if let existing = state.caseID { throw .caseAlreadyExists(existing) }
            return try notify(caseID, notification, possibleDuplicateOf, context)
        }
        guard state.exists else { throw .caseNotFound }
        // What happened to an email is a fact whatever became of the case since it was queued.
        switch command {
        case .recordEmailSent(let outcome): return recordEmailSent(outcome, state, context.now)
        case .recordEmailFailed(let outcome, let reason): return recordEmailFailed(outcome, reason, state, context.now)
        case .requeueEmail(let outboxID): return try requeueEmail(outboxID, state, context.now)
        case .recordNationalReturnSent, .recordNationalReturnRetry, .recordNationalReturnFailed:
            return try recordNationalReturnOutcome(command, state, context.now)
        default: break
        }
        // The rights of the people a case names hold whatever became of it: a merged duplicate and a case handed
        // to another panel keep their records here, so their retention runs and their people may be erased.
        if let events = try decidePeoplesRights(command, state, context.now) { return events }
        if let primary = state.duplicateOf { throw .mergedDuplicate(primary: primary) }
        if let transfer = state.transfer { throw .transferred(to: transfer.toPanel) }
        let now = context.now
        switch command {
        case .notify: throw .caseAlreadyExists(state.caseID!)
        case .recordOutOfScope(let reason, let detail):
            return try recordOutOfScope(reason, detail, state, context)
        case .transfer(let panel, let reason):
            return try transfer(to: panel, reason, state, context)
        case .recordExternalReference(let reference, let source):
            return try recordExternalReference(reference, source, state, now)
        case .recordSubjectErased, .recordSubjectAccessExported, .requestErasure, .approveErasure, .declineErasure,
            .recordErasureCarriedOut:
            // Decided above, before the guards; named here so the switch stays whole.
            return try decidePeoplesRights(command, state, now) ?? []
        case .correctNotification(let correction, let reason, let possibleDuplicateOf):
            return try correctNotification(correction, reason, possibleDuplicateOf, state, context)
        case .reopenDuplicateDecision(let reason):
            return try reopenDuplicateDecision(reason, state, now)
        case .rejectPossibleDuplicate(let reason):
            return try rejectPossibleDuplicate(reason, state, now)
        case .confirmDuplicate(let primary):
            return try confirmDuplicate(primary, state, context)
        case .mergeDuplicate(let from, let notification, let agencies):
            return try mergeDuplicate(from, notification, agencies, state, now)
        case .triage(let expectation, let confirmedBy, let triggers):
            return try triage(expectation, confirmedBy, triggers, state, context)
        case .conveneRapidResponse(let meetingID, let scheduledFor):
            return try conveneRapidResponse(meetingID, scheduledFor, state, context)
        case .recordRapidResponseMeetingHeld(let meetingID, let heldAt):
            return try recordRapidResponseMeetingHeld(meetingID, heldAt, state, context)
        case .completeRapidResponse(let note):
            return try completeRapidResponse(note, state, context)
        case .recordAgencyInvolved(let involvement):
            return try recordAgencyInvolved(involvement, state, context)
        case .requestForm(let requestID, let agencyID, let formType, let contactEmail, let dueDate, let schedule):
            return try requestForm(requestID, agencyID, formType, contactEmail, dueDate, schedule, state, context)
        case .issueReminder(let requestID, let step, let kind):
            return try issueReminder(requestID, step, kind, state, now)
        case .escalate(let requestID, let level):
            return try escalate(requestID, level, state, now)
        case .recordFormOpened(let requestID, let view):
            return try recordFormOpened(requestID, view, state, context)
        case .saveFormDraft(let requestID, let definition, let answers, let savedBy):
            return try saveFormDraft(requestID, definition, answers, savedBy, state, context)
        case .recordFormReturned(let requestID, let definition, let answers, let submittedBy):
            return try recordFormReturned(requestID, definition, answers, submittedBy, state, now)
        case .recordNoInformationHeld(let requestID, let declaredBy):
            return try recordNoInformationHeld(requestID, declaredBy, state, now)
        case .withdrawFormRequest(let requestID, let reason):
            return try withdrawFormRequest(requestID, reason, state, now)
        case .waiveFormRequest(let requestID, let reason):
            return try waiveFormRequest(requestID, reason, state, context)
        case .alertCoordinator:
            return state.exists && state.coordinatorAlertedAt == nil
                ? [.coordinatorAlerted(CoordinatorAlerted(at: now))] : []
        case .sendReminderNow(let requestID):
            return try sendReminderNow(requestID, state, context)
        case .changeFormContact(let requestID, let contactEmail):
            return try changeFormContact(requestID, contactEmail, state, context)
        case .recordDecline(let requestID, let reason, let declaredBy):
            return try recordDecline(requestID, reason, declaredBy, state, now)
        case .awaitExternalProcess(let process, let reason, let since):
            return try awaitExternalProcess(process, reason, since, state, context)
        case .concludeExternalProcess(let process, let day):
            return try concludeExternalProcess(process, day, state, context)
        case .recordReviewMeetingHeld(let meetingID, let heldOn, let draftAnalysis):
            return try recordReviewMeetingHeld(meetingID, heldOn, draftAnalysis, state, context)
        case .markReadyForPanel:
            return try markReadyForPanel(state, context)
        case .assignToPanelMeeting(let meetingID, let meetingDate):
            return try assignToPanelMeeting(meetingID, meetingDate, state, context)
        case .recordPanelOutcome(let input):
            return try recordPanelOutcome(input, state, context)
        case .recordRecommendation(let actionID, let text, let owner, let dueDate):
            return try recordRecommendation(actionID, text, owner, dueDate, state, context)
        case .completeRecommendation(let actionID, let completedOn, let note):
            return try completeRecommendation(actionID, completedOn, note, state, context)
        case .referForSafeguardingPracticeReview(let reason, let referredOn):
            return try referForSafeguardingPracticeReview(reason, referredOn, state, context)
        case .recordNCMDSubmission(let reference, let submittedOn):
            return try recordNCMDSubmission(reference, submittedOn, state, context)
        case .close(let reason):
            return try close(state, reason: reason, context)
        case .reopen(let reason):
            return try reopen(reason, state, now)
        case .finaliseNationalReturnPart(let part, let empty):
            return try finaliseNationalReturnPart(part, emptyRequiredItems: empty, state, context)
        case .reopenNationalReturnPart(let part, let reason):
            return try reopenNationalReturnPart(part, reason: reason, state, context)
        case .startSchedule(let start):
            return try startSchedule(start, state, now)
        case .reachScheduleStep(let target, let scheduleID, let step):
            return try reachScheduleStep(target, scheduleID, step, state, now)
        case .moveSchedule(let start):
            return try moveSchedule(start, state, now)
        case .issuePractitionerLink(let requestID, let tokenHash, let expiresAt):
            return try issuePractitionerLink(requestID, tokenHash, expiresAt, state, now)
        case .recordEmailSent(let outcome):
            return recordEmailSent(outcome, state, now)
        case .recordEmailFailed(let outcome, let reason):
            return recordEmailFailed(outcome, reason, state, now)
        case .requeueEmail(let outboxID):
            return try requeueEmail(outboxID, state, now)
        case .queueNationalReturn(let document):
            return try queueNationalReturn(document, state, now)
        case .recordNationalReturnSent, .recordNationalReturnRetry, .recordNationalReturnFailed:
            return try recordNationalReturnOutcome(command, state, now)
        }
    }
}

extension CaseDecider {
    /// The commands about the people a case names (erasure, its approval, subject access) and its retention
    /// period (started, moved to a new version, ended); nil for any other command.
    static func decidePeoplesRights(_ command: CaseCommand, _ state: CaseState, _ now: Date) throws(DomainError)
        -> [CaseEvent]?
    {
        switch command {
        case .recordSubjectErased(let role, let reason): try recordSubjectErased(role, reason, state, now)
        case .recordSubjectAccessExported(let role, let reason):
            try recordSubjectAccessExported(role, reason, state, now)
        case .requestErasure(let roles, let reason, let by): try requestErasure(roles, reason, by: by, state, now)
        case .approveErasure(let by): try approveErasure(by: by, state, now)
        case .declineErasure(let by, let reason): try declineErasure(by: by, reason, state, now)
        case .recordErasureCarriedOut(let roles): try recordErasureCarriedOut(roles, state, now)
        case .reachScheduleStep(.retention(let closure), let scheduleID, let step):
            try reachScheduleStep(.retention(closure: closure), scheduleID, step, state, now)
        case .startSchedule(let start) where start.target.isRetention: try startSchedule(start, state, now)
        case .moveSchedule(let start) where start.target.isRetention: try moveSchedule(start, state, now)
        default: nil
        }
    }
}
