import Foundation

/// Everything the rules need to know about one child's case, folded from its events.
package struct CaseState: Hashable, Sendable {
    package var caseID: CaseID?
    /// The notification, kept current with what merges add (e.g. an NHS number).
    package var notification: DeathNotification?
    package var receivedAt: Date?
    package var areaCode: String?
    package var residentInPanelArea = false
    package var outOfScope: OutOfScopeReason?
    package var transfer: TransferRecord?
    package var possibleDuplicateOf: CaseID?
    /// The case last decided to be a different death (kept so the decision can be reopened).
    package var rejectedDuplicateOf: CaseID?
    /// The case's reference in another record (a panel's earlier spreadsheet), when one was kept.
    package var externalReference: String?
    /// The roles of the people whose personal data in the case has been erased (`child`, `family`…).
    package var erasedSubjects: Set<String> = []
    /// The erasure asked for and not yet carried out or declined.
    package var erasureApproval: ErasureApproval?
    /// When the coordinator was to be told by email of the notification (public notifications only).
    package var coordinatorAlertedAt: Date?
    /// Set when this case was confirmed a duplicate: it is then closed to every command.
    package var duplicateOf: CaseID?
    package var mergedDuplicates: [CaseID] = []
    package var additionalNotifiers: [Notifier] = []
    package var triage: TriageRecord?
    package var rapidResponse: RapidResponseRecord?
    package var agencies: [AgencyInvolvement] = []
    package var formRequests: [FormRequest] = []
    package var pauses: [PausePeriod] = []
    package var reviewMeeting: ReviewMeetingRecord?
    package var readyForPanelAt: Date?
    package var panelMeeting: MeetingID?
    package var panelMeetingDate: CalendarDate?
    package var panelOutcome: PanelOutcome?
    /// Outcomes set aside by reopening, oldest first.
    package var supersededOutcomes: [PanelOutcome] = []
    package var recommendations: [Recommendation] = []
    package var safeguardingReferral: SafeguardingReferral?
    package var ncmdSubmission: NCMDSubmission?
    package var previousSubmissions: [NCMDSubmission] = []
    /// The parts of the national return the coordinator finalised, and when (reopening removes one; so do a
    /// corrected notification and a case reopened for a new review).
    package var nationalReturnFinalised: [NationalReturnPart: Date] = [:]
    package var closedAt: Date?
    package var reopenings: [Reopening] = []
    /// Declared schedules started on the case (chasing, rapid-response and review targets).
    package var schedules: [ScheduleRun] = []
    /// Practitioner links issued, by request (latest last).
    package var links: [PractitionerLink] = []
    /// Outcomes of outbox emails about this case, by outbox id.
    package var emailOutcomes: [String: EmailDelivery] = [:]
    /// Case documents of national returns sent (or being sent) to NCMD by the HTTPS adapter, oldest first.
    package var nationalReturnDeliveries: [NationalReturnDelivery] = []

    package init() {}

    /// Whether a notification opened this case.
    package var exists: Bool { caseID != nil }
    /// Whether the case is closed.
    package var isClosed: Bool { closedAt != nil }
    /// The designated doctor's view if triaged, else the notifier's.
    package var expectation: Expectation? {
        triage?.expectation ?? notification?.death.reportedExpectation
    }
    /// The requests still awaited from agencies.
    package var outstandingRequests: [FormRequest] { formRequests.filter(\.isOutstanding) }
    /// The open pause periods.
    package var openPauses: [PausePeriod] { pauses.filter(\.isOpen) }

    /// The request with this id.
    package func request(_ id: FormRequestID) -> FormRequest? {
        formRequests.first { $0.id == id }
    }

    /// The agency involvement for this agency.
    package func involvement(of agency: AgencyID) -> AgencyInvolvement? {
        agencies.first { $0.agencyID == agency }
    }

    /// Where the case stands; nil when no case exists.
    package var stage: CaseStage? {
        guard exists else { return nil }
        if let primary = duplicateOf { return .duplicate(of: primary) }
        if let transfer { return .transferred(toPanel: transfer.toPanel) }
        if outOfScope != nil { return .outOfScope }
        if isClosed { return .closed }
        if panelOutcome != nil { return ncmdSubmission == nil ? .panelReviewed : .submittedToNCMD }
        if !openPauses.isEmpty { return .awaitingExternal }
        if panelMeeting != nil { return .panelScheduled }
        if readyForPanelAt != nil { return .readyForPanel }
        if reviewMeeting != nil { return .reviewMeetingHeld }
        if rapidResponse?.isActive == true { return .rapidResponseActive }
        if !formRequests.isEmpty || rapidResponse != nil || !reopenings.isEmpty { return .informationGathering }
        if triage != nil { return .triaged }
        return .notified
    }

    /// Days from death to the panel's review, not counting paused days; nil until reviewed.
    package var reviewDaysExcludingPauses: Int? {
        guard let death = notification?.death.date, let reviewed = panelOutcome?.reviewedOn else { return nil }
        return ReviewClock.activeDays(from: death, to: reviewed, pauses: pauses)
    }
}
