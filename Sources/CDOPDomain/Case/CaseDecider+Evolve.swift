import Foundation

/// How each fact changes what the case knows.
extension CaseDecider {
    /// Applies one case event to the state; an event about a request or action the case does not know
    /// changes nothing.
    package static func evolve(_ state: consuming CaseState, _ event: CaseEvent) -> CaseState {
        var s = consume state
        evolve(&s, with: event)
        return s
    }

    /// Folds one event into the state where it lies (a replay's dictionary of states): returning a state this
    /// large copies it, retaining every array of the case, on every event.
    package static func evolve(_ s: inout CaseState, with event: CaseEvent) {
        if let (stop, target, at) = ScheduleTriggers.stop(for: event) {
            s.stopSchedules(on: stop, target: target, at: at)
        }
        switch event {
        case .notificationReceived(let e):
            s.caseID = e.caseID
            s.notification = e.notification
            s.receivedAt = e.at
            s.areaCode = e.areaCode
            s.residentInPanelArea = e.residentInPanelArea
            s.possibleDuplicateOf = e.possibleDuplicateOf
        case .recordedOutOfScope(let e):
            s.outOfScope = e.reason
        case .transferred(let e):
            s.transfer = TransferRecord(toPanel: e.toPanel, reason: e.reason, at: e.at)
        case .externalReferenceRecorded(let e):
            s.externalReference = e.reference
        case .subjectErased(let e):
            s.erasedSubjects.insert(e.role)
        case .subjectAccessExported:
            break
        case .erasureRequested(let e):
            s.erasureApproval = ErasureApproval(
                roles: e.roles, reason: e.reason, requestedBy: e.requestedBy, requestedAt: e.at,
                approvedBy: e.requestedByPerson ? [e.requestedBy] : [])
        case .erasureApproved(let e):
            s.erasureApproval?.approvedBy.append(e.approvedBy)
        case .erasureDeclined, .erasureCarriedOut:
            s.erasureApproval = nil
        case .possibleDuplicateRejected(let e):
            s.possibleDuplicateOf = nil
            s.rejectedDuplicateOf = e.of
        case .duplicateDecisionReopened(let e):
            s.possibleDuplicateOf = e.of
            s.rejectedDuplicateOf = nil
        case .notificationCorrected(let e):
            // A corrected notification is finalised again once checked.
            s.nationalReturnFinalised[.notification] = nil
            s.notification = e.notification
            s.areaCode = e.areaCode
            s.residentInPanelArea = e.residentInPanelArea
            if let other = e.possibleDuplicateOf { s.possibleDuplicateOf = other }
        case .duplicateConfirmed(let e):
            s.duplicateOf = e.primary
            s.possibleDuplicateOf = nil
        case .duplicateMerged(let e):
            applyMerge(e, to: &s)
        case .deathTriaged(let e):
            s.triage = TriageRecord(
                expectation: e.expectation, confirmedBy: e.confirmedBy, triggers: e.triggers, at: e.at)
        case .rapidResponseOpened(let e):
            s.rapidResponse = RapidResponseRecord(openedAt: e.at, unexpected: e.unexpected, triggers: e.triggers)
        case .rapidResponseConvened(let e):
            s.rapidResponse?.meetings.append(e.meetingID)
            s.rapidResponse?.scheduledFor[e.meetingID] = e.scheduledFor
        case .rapidResponseMeetingHeld(let e):
            s.rapidResponse?.held[e.meetingID] = e.heldAt
        case .rapidResponseCompleted(let e):
            s.rapidResponse?.completedAt = e.at
        case .agencyRecordedInvolved(let e):
            s.agencies.append(e.involvement)
        case .formRequested(let e):
            s.formRequests.append(
                FormRequest(
                    id: e.requestID, agencyID: e.agencyID, agencyName: e.agencyName, formType: e.formType,
                    contactEmail: e.contactEmail, dueDate: e.dueDate, schedule: e.schedule, requestedAt: e.at))
        case .formReminderIssued(let e):
            s.updateRequest(e.requestID) { $0.remindersIssued.append(e.step) }
        case .formEscalated(let e):
            s.updateRequest(e.requestID) { $0.escalation = max($0.escalation ?? e.level, e.level) }
        case .formOpened:
            break
        case .formDraftSaved(let e):
            s.updateRequest(e.requestID) {
                $0.draft = FormDraft(definition: e.definition, answers: e.answers, savedBy: e.savedBy, savedAt: e.at)
            }
        case .formReturned(let e):
            s.updateRequest(e.requestID) {
                $0.draft = nil
                $0.resolution = .returned(at: e.at)
                $0.answered = e.definition
                $0.answers = e.answers
            }
        case .formDeclined(let e):
            s.updateRequest(e.requestID) { $0.resolution = .declinedNoInformation(at: e.at) }
        case .formRequestWithdrawn(let e):
            s.updateRequest(e.requestID) { $0.resolution = .withdrawn(reason: e.reason, at: e.at) }
        case .formReminderRequested(let e):
            s.updateRequest(e.requestID) { $0.remindersSentNow.append(e.at) }
        case .formContactChanged(let e):
            s.updateRequest(e.requestID) {
                $0.contactChanges.append(FormContactChange(from: $0.contactEmail, to: e.contactEmail, at: e.at))
                $0.contactEmail = e.contactEmail
            }
        case .formDeclineRecorded(let e):
            s.updateRequest(e.requestID) {
                $0.resolution = .declinedNoInformation(at: e.at)
                $0.declineReason = e.reason
            }
        case .coordinatorAlerted(let e):
            s.coordinatorAlertedAt = e.at
        case .formWithdrawalNoticeQueued(let e):
            s.updateRequest(e.requestID) { $0.withdrawalNoticeAt = e.at }
        case .formRequestWaived(let e):
            s.updateRequest(e.requestID) { $0.resolution = .waived(reason: e.reason, at: e.at) }
        case .reviewPaused(let e):
            s.pauses.append(PausePeriod(process: e.process, reason: e.reason, from: e.from, until: nil))
        case .reviewResumed(let e):
            if let index = s.pauses.lastIndex(where: { $0.process == e.process && $0.isOpen }) {
                s.pauses[index].until = e.on
            }
        case .reviewMeetingHeld(let e):
            s.reviewMeeting = ReviewMeetingRecord(
                meetingID: e.meetingID, heldOn: e.heldOn, draftAnalysis: e.draftAnalysis)
        case .markedReadyForPanel(let e):
            s.readyForPanelAt = e.at
        case .assignedToPanelMeeting(let e):
            s.panelMeeting = e.meetingID
            s.panelMeetingDate = e.meetingDate
        case .panelOutcomeRecorded(let e):
            s.panelOutcome = e.outcome
        case .recommendationRecorded(let e):
            s.recommendations.append(
                Recommendation(id: e.actionID, text: e.text, owner: e.owner, dueDate: e.dueDate))
        case .recommendationCompleted(let e):
            if let index = s.recommendations.firstIndex(where: { $0.id == e.actionID }) {
                s.recommendations[index].completedOn = e.completedOn
                s.recommendations[index].completionNote = e.note
            }
        case .referredForSafeguardingPracticeReview(let e):
            s.safeguardingReferral = SafeguardingReferral(reason: e.reason, referredOn: e.referredOn)
        case .submittedToNCMD(let e):
            s.ncmdSubmission = NCMDSubmission(reference: e.reference, submittedOn: e.submittedOn)
        case .closed(let e):
            s.closedAt = e.at
        case .scheduleStarted(let e):
            s.schedules.append(
                ScheduleRun(
                    reference: e.schedule, title: e.title, target: e.target, startedAt: e.at, steps: e.steps,
                    stoppedBy: Set(e.stoppedBy), pausedWhileAwaitingExternal: e.pausedWhileAwaitingExternal))
        case .scheduleStepReached(let e):
            if let index = s.activeScheduleIndex(target: e.target, scheduleID: e.schedule.id) {
                s.schedules[index].reached[e.step] = e.at
                if e.outcome == .acted { s.schedules[index].acted.insert(e.step) }
            }
        case .scheduleMoved(let e):
            if let index = s.activeScheduleIndex(target: e.target, scheduleID: e.from.id) {
                let reached = s.schedules[index].reached
                s.schedules[index] = ScheduleRun(
                    reference: e.to, title: e.title, target: e.target, startedAt: s.schedules[index].startedAt,
                    steps: e.steps, stoppedBy: Set(e.stoppedBy),
                    pausedWhileAwaitingExternal: e.pausedWhileAwaitingExternal,
                    reached: reached.filter { name, _ in e.steps.contains { $0.name == name } })
            }
        case .practitionerLinkIssued(let e):
            s.links.append(
                PractitionerLink(requestID: e.requestID, tokenHash: e.tokenHash, issuedAt: e.at, expiresAt: e.expiresAt)
            )
        case .emailSent(let e):
            s.emailOutcomes[e.outboxID] = .sent(at: e.at)
        case .emailDeliveryFailed(let e):
            s.emailOutcomes[e.outboxID] = .failed(reason: e.reason, at: e.at)
        case .emailRequeued(let e):
            // Pending again; a new failure may alert the coordinator again.
            s.emailOutcomes[e.outboxID] = nil
            s.emailOutcomes["failure:" + e.outboxID] = nil
        case .nationalReturnQueued(let e):
            s.nationalReturnDeliveries.append(NationalReturnDelivery(e))
        case .nationalReturnSent(let e):
            s.updateDelivery(e.deliveryKey) {
                $0.attempts = e.attempts
                $0.retryAt = nil
                $0.outcome = .sent(status: e.status, at: e.at)
            }
        case .nationalReturnRetryScheduled(let e):
            s.updateDelivery(e.deliveryKey) {
                $0.attempts = e.attempts
                $0.retryAt = e.retryAt
                $0.lastError = e.reason
            }
        case .nationalReturnDeliveryFailed(let e):
            s.updateDelivery(e.deliveryKey) {
                $0.attempts = e.attempts
                $0.retryAt = nil
                $0.lastError = e.reason
                $0.outcome = .failed(reason: e.reason, at: e.at)
            }
        case .reopened(let e):
            s.closedAt = nil
            s.reopenings.append(Reopening(reason: e.reason, at: e.at))
            if let outcome = s.panelOutcome { s.supersededOutcomes.append(outcome) }
            if let submission = s.ncmdSubmission { s.previousSubmissions.append(submission) }
            s.panelOutcome = nil
            s.ncmdSubmission = nil
            s.readyForPanelAt = nil
            s.panelMeeting = nil
            s.panelMeetingDate = nil
            s.nationalReturnFinalised[.outcome] = nil
        case .nationalReturnPartFinalised(let e):
            s.nationalReturnFinalised[e.part] = e.at
        case .nationalReturnPartReopened(let e):
            s.nationalReturnFinalised[e.part] = nil
        }
    }

    /// Takes in what a merged duplicate added.
    static func applyMerge(_ e: DuplicateMerged, to s: inout CaseState) {
        s.mergedDuplicates.append(e.from)
        s.additionalNotifiers.append(e.notifier)
        if let number = e.nhsNumberAdded { s.notification?.child.nhsNumber = .known(number) }
        s.notification?.professionalsInvolved += e.professionalsAdded
        s.agencies += e.agenciesAdded
        if s.possibleDuplicateOf == e.from { s.possibleDuplicateOf = nil }
    }
}

extension CaseState {
    /// Changes the request with this id, if the case has it.
    mutating func updateRequest(_ id: FormRequestID, _ change: (inout FormRequest) -> Void) {
        guard let index = formRequests.firstIndex(where: { $0.id == id }) else { return }
        change(&formRequests[index])
    }

    /// Changes the national-return delivery with this key, if the case has it.
    mutating func updateDelivery(_ key: String, _ change: (inout NationalReturnDelivery) -> Void) {
        guard let index = nationalReturnDeliveries.firstIndex(where: { $0.key == key }) else { return }
        change(&nationalReturnDeliveries[index])
    }
}
