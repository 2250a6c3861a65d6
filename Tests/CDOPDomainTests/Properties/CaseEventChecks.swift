@testable import CDOPDomain

/// Whether an event makes sense on the state it is applied to: the invariants evolve relies on.
enum CaseEventChecks {
    /// Why the event cannot be applied meaningfully, or nil when it can.
    static func problem(_ event: CaseEvent, on s: CaseState) -> String? {
        if case .notificationReceived = event { return s.exists ? "notification on an existing case" : nil }
        guard s.exists else { return "\(event.typeName) before notification" }
        // What became of an email already queued is recorded whatever became of the case.
        switch event {
        case .emailSent(let e): return s.emailOutcomes[e.outboxID] != nil ? "email outcome recorded twice" : nil
        case .emailDeliveryFailed(let e):
            return s.emailOutcomes[e.outboxID] != nil ? "email outcome recorded twice" : nil
        case .emailRequeued(let e):
            if case .failed? = s.emailOutcomes[e.outboxID] {
                return nil
            } else {
                return "requeueing an email that did not fail"
            }
        // A person's data may be erased whatever became of the case, once; the rest of their rights, and the case's
        // retention period, hold whatever became of it too.
        case .subjectErased(let e): return s.erasedSubjects.contains(e.role) ? "the same person erased twice" : nil
        case .subjectAccessExported, .erasureRequested, .erasureApproved, .erasureDeclined, .erasureCarriedOut:
            return nil
        case .scheduleStarted(let e) where e.target.isRetention: return nil
        case .scheduleMoved(let e) where e.target.isRetention: return nil
        case .scheduleStepReached(let e) where e.target.isRetention: return nil
        case .nationalReturnSent(let e): return Self.deliveryProblem(e.deliveryKey, on: s)
        case .nationalReturnRetryScheduled(let e): return Self.deliveryProblem(e.deliveryKey, on: s)
        case .nationalReturnDeliveryFailed(let e): return Self.deliveryProblem(e.deliveryKey, on: s)
        default: break
        }
        if s.duplicateOf != nil { return "\(event.typeName) on a merged duplicate" }
        if s.transfer != nil { return "\(event.typeName) on a transferred case" }
        func request(_ id: FormRequestID) -> FormRequest? { s.request(id) }
        switch event {
        case .notificationReceived: return nil
        case .formRequested(let e):
            if request(e.requestID) != nil { return "request id reused" }
            if s.involvement(of: e.agencyID) == nil { return "request to an agency not involved" }
        case .formReminderIssued(let e):
            guard let r = request(e.requestID), r.isOutstanding, !r.remindersIssued.contains(e.step) else {
                return "reminder not applicable"
            }
        case .formEscalated(let e):
            guard let r = request(e.requestID), r.isOutstanding, r.escalation.map { $0 < e.level } ?? true else {
                return "escalation not applicable"
            }
        case .formOpened(let e):
            guard request(e.requestID)?.isOutstanding == true else {
                return "form opened for a request not outstanding"
            }
        case .formDraftSaved(let e):
            if s.isClosed { return "draft on a closed case" }
            guard request(e.requestID)?.isOutstanding == true else { return "draft of a request not outstanding" }
        case .formReturned(let e):
            guard request(e.requestID)?.acceptsReturn == true else { return "return of a closed request" }
        case .formDeclined(let e):
            guard request(e.requestID)?.acceptsReturn == true else { return "decline of a closed request" }
        case .formRequestWithdrawn(let e):
            guard request(e.requestID)?.acceptsReturn == true else { return "withdrawal of a closed request" }
        case .coordinatorAlerted:
            if s.coordinatorAlertedAt != nil { return "coordinator alerted twice" }
        case .formReminderRequested(let e):
            guard request(e.requestID)?.isOutstanding == true else { return "reminder of a request not outstanding" }
        case .formContactChanged(let e):
            guard request(e.requestID)?.isOutstanding == true else {
                return "contact change of a request not outstanding"
            }
        case .formDeclineRecorded(let e):
            guard request(e.requestID)?.acceptsReturn == true else { return "decline of a closed request" }
        case .formWithdrawalNoticeQueued(let e):
            guard case .withdrawn? = request(e.requestID)?.resolution else {
                return "notice of a request not withdrawn"
            }
        case .formRequestWaived(let e):
            guard request(e.requestID)?.isOutstanding == true else { return "waiver of a request not outstanding" }
        case .agencyRecordedInvolved(let e):
            if s.involvement(of: e.involvement.agencyID) != nil { return "agency recorded twice" }
        case .rapidResponseOpened:
            if s.rapidResponse != nil { return "rapid response opened twice" }
        case .rapidResponseConvened(let e):
            guard let rr = s.rapidResponse, rr.isActive, !rr.meetings.contains(e.meetingID) else {
                return "convene not applicable"
            }
        case .rapidResponseMeetingHeld(let e):
            guard let rr = s.rapidResponse, rr.meetings.contains(e.meetingID), rr.held[e.meetingID] == nil else {
                return "held not applicable"
            }
        case .rapidResponseCompleted:
            guard s.rapidResponse?.isActive == true else { return "completing no active response" }
        case .reviewPaused(let e):
            if s.openPauses.contains(where: { $0.process == e.process }) { return "pause already open" }
        case .reviewResumed(let e):
            guard let open = s.openPauses.first(where: { $0.process == e.process }), open.from <= e.on else {
                return "resume not applicable"
            }
        case .assignedToPanelMeeting:
            if s.readyForPanelAt == nil { return "listed before ready" }
        case .markedReadyForPanel:
            if s.triage == nil || !s.openPauses.isEmpty || s.rapidResponse?.isActive == true {
                return "ready too early"
            }
        case .panelOutcomeRecorded:
            if s.panelOutcome != nil || s.panelMeeting == nil || !s.outstandingRequests.isEmpty || !s.openPauses.isEmpty
            {
                return "outcome not applicable"
            }
        case .recommendationRecorded(let e):
            if s.panelOutcome == nil || s.recommendations.contains(where: { $0.id == e.actionID }) {
                return "recommendation not applicable"
            }
        case .recommendationCompleted(let e):
            guard s.recommendations.first(where: { $0.id == e.actionID })?.isOpen == true else {
                return "completing unknown or done action"
            }
        case .submittedToNCMD:
            if s.panelOutcome == nil || s.ncmdSubmission != nil { return "submission not applicable" }
        case .closed:
            if s.panelOutcome == nil || s.ncmdSubmission == nil || s.isClosed { return "closure not applicable" }
        case .reopened:
            if !s.isClosed { return "reopening an open case" }
        case .scheduleStarted(let e):
            if s.activeScheduleIndex(target: e.target, scheduleID: e.schedule.id) != nil {
                return "schedule started twice"
            }
        case .scheduleStepReached(let e):
            guard let index = s.activeScheduleIndex(target: e.target, scheduleID: e.schedule.id),
                s.schedules[index].reached[e.step] == nil
            else { return "step reached twice or on a stopped schedule" }
        case .practitionerLinkIssued(let e):
            guard request(e.requestID)?.isOutstanding == true else { return "link for a request not outstanding" }
        case .emailSent(let e):
            if s.emailOutcomes[e.outboxID] != nil { return "email outcome recorded twice" }
        case .emailDeliveryFailed(let e):
            if s.emailOutcomes[e.outboxID] != nil { return "email outcome recorded twice" }
        case .emailRequeued:
            return nil
        case .scheduleMoved(let e):
            if s.activeScheduleIndex(target: e.target, scheduleID: e.from.id) == nil {
                return "moving no running schedule"
            }
        case .duplicateMerged(let e):
            if s.mergedDuplicates.contains(e.from) { return "merged twice" }
        case .possibleDuplicateRejected:
            if s.possibleDuplicateOf == nil { return "rejecting no link" }
        case .duplicateDecisionReopened:
            if s.rejectedDuplicateOf == nil || s.possibleDuplicateOf != nil { return "reopening no decision" }
        case .notificationCorrected(let e):
            if e.changes.isEmpty { return "a correction that changes nothing" }
            if s.isClosed { return "\(event.typeName) on a closed case" }
        case .recordedOutOfScope:
            if s.outOfScope != nil && s.receivedAt != nil && s.panelOutcome != nil {
                return "out of scope after review"
            }
        case .referredForSafeguardingPracticeReview:
            if s.safeguardingReferral != nil { return "referred twice" }
        case .reviewMeetingHeld:
            if s.reviewMeeting != nil { return "review meeting twice" }
        case .externalReferenceRecorded(let e):
            if s.externalReference == e.reference { return "the same reference recorded twice" }
        case .subjectErased, .subjectAccessExported: break
        case .erasureRequested:
            if s.erasureApproval != nil { return "an erasure asked for twice" }
        case .erasureApproved(let e):
            guard let pending = s.erasureApproval else { return "approving no erasure" }
            if pending.approvedBy.contains(e.approvedBy) { return "the same person approving twice" }
            if pending.isApproved { return "approving an approved erasure" }
        case .erasureDeclined:
            if s.erasureApproval == nil || s.erasureApproval?.isApproved == true { return "declining no erasure" }
        case .erasureCarriedOut(let e):
            if s.erasureApproval?.isApproved != true { return "carrying out an erasure not approved" }
            if !e.roles.allSatisfy(s.erasedSubjects.contains) { return "carried out before everyone was erased" }
        case .nationalReturnPartFinalised(let e):
            if s.nationalReturnFinalised[e.part] != nil { return "finalised twice" }
            switch e.part {
            case .notification: break
            case .outcome: if s.panelOutcome == nil { return "finalising no outcome" }
            case .request(let id):
                guard case .returned? = request(id)?.resolution else { return "finalising a form not returned" }
            }
        case .nationalReturnPartReopened(let e):
            if s.nationalReturnFinalised[e.part] == nil { return "reopening a part not finalised" }
        case .transferred, .duplicateConfirmed, .deathTriaged:
            if s.isClosed { return "\(event.typeName) on a closed case" }
        case .nationalReturnQueued(let e):
            if s.nationalReturnDeliveries.contains(where: { $0.key == e.deliveryKey }) {
                return "document queued twice"
            }
        case .nationalReturnSent, .nationalReturnRetryScheduled, .nationalReturnDeliveryFailed:
            return nil
        }
        return nil
    }

    /// Why an outcome cannot be recorded for this delivery: unknown, or already sent or failed.
    static func deliveryProblem(_ key: String, on s: CaseState) -> String? {
        guard let delivery = s.nationalReturnDeliveries.first(where: { $0.key == key }) else {
            return "outcome of a document never queued"
        }
        return delivery.outcome == .pending ? nil : "outcome of a delivery already settled"
    }
}
