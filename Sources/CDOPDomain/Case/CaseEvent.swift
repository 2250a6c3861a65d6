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

    package static let payloadTypes: [any EventPayload.Type] = [
        NotificationReceived.self,
        RecordedOutOfScope.self,
        CaseTransferred.self,
        PossibleDuplicateRejected.self,
        DuplicateConfirmed.self,
        DuplicateMerged.self,
        DeathTriaged.self,
        RapidResponseOpened.self,
        RapidResponseConvened.self,
        RapidResponseMeetingHeld.self,
        RapidResponseCompleted.self,
        AgencyRecordedInvolved.self,
        FormRequested.self,
        FormReminderIssued.self,
        FormEscalated.self,
        FormDraftSaved.self,
        FormOpened.self,
        FormReturned.self,
        FormDeclined.self,
        FormRequestWithdrawn.self,
        FormRequestWaived.self,
        ReviewPaused.self,
        ReviewResumed.self,
        ReviewMeetingHeld.self,
        MarkedReadyForPanel.self,
        AssignedToPanelMeeting.self,
        PanelOutcomeRecorded.self,
        RecommendationRecorded.self,
        RecommendationCompleted.self,
        ReferredForSafeguardingPracticeReview.self,
        SubmittedToNCMD.self,
        CaseClosed.self,
        CaseReopened.self,
        ScheduleStarted.self,
        ScheduleStepReached.self,
        ScheduleMoved.self,
        PractitionerLinkIssued.self,
        EmailSent.self,
        EmailDeliveryFailed.self,
        EmailRequeued.self,
    ]

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
        }
    }

    package init?(payload: any EventPayload) {
        switch payload {
        case let p as NotificationReceived: self = .notificationReceived(p)
        case let p as RecordedOutOfScope: self = .recordedOutOfScope(p)
        case let p as CaseTransferred: self = .transferred(p)
        case let p as PossibleDuplicateRejected: self = .possibleDuplicateRejected(p)
        case let p as DuplicateConfirmed: self = .duplicateConfirmed(p)
        case let p as DuplicateMerged: self = .duplicateMerged(p)
        case let p as DeathTriaged: self = .deathTriaged(p)
        case let p as RapidResponseOpened: self = .rapidResponseOpened(p)
        case let p as RapidResponseConvened: self = .rapidResponseConvened(p)
        case let p as RapidResponseMeetingHeld: self = .rapidResponseMeetingHeld(p)
        case let p as RapidResponseCompleted: self = .rapidResponseCompleted(p)
        case let p as AgencyRecordedInvolved: self = .agencyRecordedInvolved(p)
        case let p as FormRequested: self = .formRequested(p)
        case let p as FormReminderIssued: self = .formReminderIssued(p)
        case let p as FormEscalated: self = .formEscalated(p)
        case let p as FormDraftSaved: self = .formDraftSaved(p)
        case let p as FormOpened: self = .formOpened(p)
        case let p as FormReturned: self = .formReturned(p)
        case let p as FormDeclined: self = .formDeclined(p)
        case let p as FormRequestWithdrawn: self = .formRequestWithdrawn(p)
        case let p as FormRequestWaived: self = .formRequestWaived(p)
        case let p as ReviewPaused: self = .reviewPaused(p)
        case let p as ReviewResumed: self = .reviewResumed(p)
        case let p as ReviewMeetingHeld: self = .reviewMeetingHeld(p)
        case let p as MarkedReadyForPanel: self = .markedReadyForPanel(p)
        case let p as AssignedToPanelMeeting: self = .assignedToPanelMeeting(p)
        case let p as PanelOutcomeRecorded: self = .panelOutcomeRecorded(p)
        case let p as RecommendationRecorded: self = .recommendationRecorded(p)
        case let p as RecommendationCompleted: self = .recommendationCompleted(p)
        case let p as ReferredForSafeguardingPracticeReview: self = .referredForSafeguardingPracticeReview(p)
        case let p as SubmittedToNCMD: self = .submittedToNCMD(p)
        case let p as CaseClosed: self = .closed(p)
        case let p as CaseReopened: self = .reopened(p)
        case let p as ScheduleStarted: self = .scheduleStarted(p)
        case let p as ScheduleStepReached: self = .scheduleStepReached(p)
        case let p as ScheduleMoved: self = .scheduleMoved(p)
        case let p as PractitionerLinkIssued: self = .practitionerLinkIssued(p)
        case let p as EmailSent: self = .emailSent(p)
        case let p as EmailDeliveryFailed: self = .emailDeliveryFailed(p)
        case let p as EmailRequeued: self = .emailRequeued(p)
        default: return nil
        }
    }
}
