/// The facts of one child's case, from notification to closure (stream `case-<uuid>`).
package enum CaseEvent: DomainEvent {
    case notificationReceived(NotificationReceived)
    case recordedOutOfScope(RecordedOutOfScope)
    case transferred(CaseTransferred)
    case possibleDuplicateRejected(PossibleDuplicateRejected)
    case duplicateConfirmed(DuplicateConfirmed)
    case duplicateMerged(DuplicateMerged)
    case deathTriaged(DeathTriaged)
    case rapidResponseOpened(RapidResponseOpened)
    case rapidResponseConvened(RapidResponseConvened)
    case rapidResponseMeetingHeld(RapidResponseMeetingHeld)
    case rapidResponseCompleted(RapidResponseCompleted)
    case agencyRecordedInvolved(AgencyRecordedInvolved)
    case formRequested(FormRequested)
    case formReminderIssued(FormReminderIssued)
    case formEscalated(FormEscalated)
    case formDraftSaved(FormDraftSaved)
    case formOpened(FormOpened)
    case formReturned(FormReturned)
    case formDeclined(FormDeclined)
    case formRequestWithdrawn(FormRequestWithdrawn)
    case formRequestWaived(FormRequestWaived)
    case reviewPaused(ReviewPaused)
    case reviewResumed(ReviewResumed)
    case reviewMeetingHeld(ReviewMeetingHeld)
    case markedReadyForPanel(MarkedReadyForPanel)
    case assignedToPanelMeeting(AssignedToPanelMeeting)
    case panelOutcomeRecorded(PanelOutcomeRecorded)
    case recommendationRecorded(RecommendationRecorded)
    case recommendationCompleted(RecommendationCompleted)
    case referredForSafeguardingPracticeReview(ReferredForSafeguardingPracticeReview)
    case submittedToNCMD(SubmittedToNCMD)
    case closed(CaseClosed)
    case reopened(CaseReopened)
    case scheduleStarted(ScheduleStarted)
    case scheduleStepReached(ScheduleStepReached)
    case scheduleMoved(ScheduleMoved)
    case practitionerLinkIssued(PractitionerLinkIssued)
    case emailSent(EmailSent)
    case emailDeliveryFailed(EmailDeliveryFailed)
    case emailRequeued(EmailRequeued)
    case externalReferenceRecorded(ExternalReferenceRecorded)
    case subjectErased(SubjectErased)
    case subjectAccessExported(SubjectAccessExported)
    case erasureRequested(ErasureRequested)
    case erasureApproved(ErasureApproved)
    case erasureDeclined(ErasureDeclined)
    case erasureCarriedOut(ErasureCarriedOut)
    case notificationCorrected(NotificationCorrected)
    case duplicateDecisionReopened(DuplicateDecisionReopened)
    case formReminderRequested(FormReminderRequested)
    case formContactChanged(FormContactChanged)
    case formDeclineRecorded(FormDeclineRecorded)
    case formWithdrawalNoticeQueued(FormWithdrawalNoticeQueued)
    case coordinatorAlerted(CoordinatorAlerted)
    case nationalReturnPartFinalised(NationalReturnPartFinalised)
    case nationalReturnPartReopened(NationalReturnPartReopened)
    case nationalReturnQueued(NationalReturnQueued)
    case nationalReturnSent(NationalReturnSent)
    case nationalReturnRetryScheduled(NationalReturnRetryScheduled)
    case nationalReturnDeliveryFailed(NationalReturnDeliveryFailed)

    /// Every payload type of this aggregate with its case, in a fixed order.
    package static let registry = EventRegistry<CaseEvent>([
        .init(CaseEvent.notificationReceived),
        .init(CaseEvent.recordedOutOfScope),
        .init(CaseEvent.transferred),
        .init(CaseEvent.possibleDuplicateRejected),
        .init(CaseEvent.duplicateConfirmed),
        .init(CaseEvent.duplicateMerged),
        .init(CaseEvent.deathTriaged),
        .init(CaseEvent.rapidResponseOpened),
        .init(CaseEvent.rapidResponseConvened),
        .init(CaseEvent.rapidResponseMeetingHeld),
        .init(CaseEvent.rapidResponseCompleted),
        .init(CaseEvent.agencyRecordedInvolved),
        .init(CaseEvent.formRequested),
        .init(CaseEvent.formReminderIssued),
        .init(CaseEvent.formEscalated),
        .init(CaseEvent.formDraftSaved),
        .init(CaseEvent.formOpened),
        .init(CaseEvent.formReturned),
        .init(CaseEvent.formDeclined),
        .init(CaseEvent.formRequestWithdrawn),
        .init(CaseEvent.formRequestWaived),
        .init(CaseEvent.reviewPaused),
        .init(CaseEvent.reviewResumed),
        .init(CaseEvent.reviewMeetingHeld),
        .init(CaseEvent.markedReadyForPanel),
        .init(CaseEvent.assignedToPanelMeeting),
        .init(CaseEvent.panelOutcomeRecorded),
        .init(CaseEvent.recommendationRecorded),
        .init(CaseEvent.recommendationCompleted),
        .init(CaseEvent.referredForSafeguardingPracticeReview),
        .init(CaseEvent.submittedToNCMD),
        .init(CaseEvent.closed),
        .init(CaseEvent.reopened),
        .init(CaseEvent.scheduleStarted),
        .init(CaseEvent.scheduleStepReached),
        .init(CaseEvent.scheduleMoved),
        .init(CaseEvent.practitionerLinkIssued),
        .init(CaseEvent.emailSent),
        .init(CaseEvent.emailDeliveryFailed),
        .init(CaseEvent.emailRequeued),
        .init(CaseEvent.externalReferenceRecorded),
        .init(CaseEvent.subjectErased),
        .init(CaseEvent.subjectAccessExported),
        .init(CaseEvent.erasureRequested),
        .init(CaseEvent.erasureApproved),
        .init(CaseEvent.erasureDeclined),
        .init(CaseEvent.erasureCarriedOut),
        .init(CaseEvent.notificationCorrected),
        .init(CaseEvent.duplicateDecisionReopened),
        .init(CaseEvent.formReminderRequested),
        .init(CaseEvent.formContactChanged),
        .init(CaseEvent.formDeclineRecorded),
        .init(CaseEvent.formWithdrawalNoticeQueued),
        .init(CaseEvent.coordinatorAlerted),
        .init(CaseEvent.nationalReturnPartFinalised),
        .init(CaseEvent.nationalReturnPartReopened),
        .init(CaseEvent.nationalReturnQueued),
        .init(CaseEvent.nationalReturnSent),
        .init(CaseEvent.nationalReturnRetryScheduled),
        .init(CaseEvent.nationalReturnDeliveryFailed),
    ])

    package var payload: any EventPayload {
        switch self {
        case .notificationReceived(let p): p
        case .recordedOutOfScope(let p): p
        case .transferred(let p): p
        case .possibleDuplicateRejected(let p): p
        case .duplicateConfirmed(let p): p
        case .duplicateMerged(let p): p
        case .deathTriaged(let p): p
        case .rapidResponseOpened(let p): p
        case .rapidResponseConvened(let p): p
        case .rapidResponseMeetingHeld(let p): p
        case .rapidResponseCompleted(let p): p
        case .agencyRecordedInvolved(let p): p
        case .formRequested(let p): p
        case .formReminderIssued(let p): p
        case .formEscalated(let p): p
        case .formDraftSaved(let p): p
        case .formOpened(let p): p
        case .formReturned(let p): p
        case .formDeclined(let p): p
        case .formRequestWithdrawn(let p): p
        case .formRequestWaived(let p): p
        case .reviewPaused(let p): p
        case .reviewResumed(let p): p
        case .reviewMeetingHeld(let p): p
        case .markedReadyForPanel(let p): p
        case .assignedToPanelMeeting(let p): p
        case .panelOutcomeRecorded(let p): p
        case .recommendationRecorded(let p): p
        case .recommendationCompleted(let p): p
        case .referredForSafeguardingPracticeReview(let p): p
        case .submittedToNCMD(let p): p
        case .closed(let p): p
        case .reopened(let p): p
        case .scheduleStarted(let p): p
        case .scheduleStepReached(let p): p
        case .scheduleMoved(let p): p
        case .practitionerLinkIssued(let p): p
        case .emailSent(let p): p
        case .emailDeliveryFailed(let p): p
        case .emailRequeued(let p): p
        case .externalReferenceRecorded(let p): p
        case .subjectErased(let p): p
        case .subjectAccessExported(let p): p
        case .erasureRequested(let p): p
        case .erasureApproved(let p): p
        case .erasureDeclined(let p): p
        case .erasureCarriedOut(let p): p
        case .notificationCorrected(let p): p
        case .duplicateDecisionReopened(let p): p
        case .formReminderRequested(let p): p
        case .formContactChanged(let p): p
        case .formDeclineRecorded(let p): p
        case .formWithdrawalNoticeQueued(let p): p
        case .coordinatorAlerted(let p): p
        case .nationalReturnPartFinalised(let p): p
        case .nationalReturnPartReopened(let p): p
        case .nationalReturnQueued(let p): p
        case .nationalReturnSent(let p): p
        case .nationalReturnRetryScheduled(let p): p
        case .nationalReturnDeliveryFailed(let p): p
        }
    }
}
