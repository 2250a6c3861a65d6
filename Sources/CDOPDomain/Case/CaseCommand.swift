import Foundation

/// What a coordinator, designated doctor, panel or timer asks of a child's case.
package enum CaseCommand: Sendable {
    // MARK: Notification and scope
    /// Open a case from a notification; the shell supplies the new id and any possible duplicate it found.
    case notify(caseID: CaseID, notification: DeathNotification, possibleDuplicateOf: CaseID?)
    /// Record the death as outside this panel's reviews.
    case recordOutOfScope(reason: OutOfScopeReason, detail: String)
    /// Hand the case to another panel (it keeps its history).
    case transfer(toPanel: String, reason: String)
    /// Keep the case's reference in another record (`source`), e.g. a panel's earlier spreadsheet.
    case recordExternalReference(reference: String, source: String)
    /// Records that the person with `role` in the case has had their personal data erased.
    case recordSubjectErased(role: String, reason: String)
    /// Records that what the case holds about the person with `role` was exported for them.
    case recordSubjectAccessExported(role: String, reason: String)
    /// Ask for the erasure of `roles` (empty: everyone the case names); `by`: the person asking, nil for the
    /// retention schedule.
    case requestErasure(roles: [String], reason: String, by: String?)
    /// One person's approval of the erasure asked for (two different people are needed).
    case approveErasure(by: String)
    /// Decline the erasure asked for.
    case declineErasure(by: String, reason: String)
    /// Record the approved erasure done: every one of `roles` erased.
    case recordErasureCarriedOut(roles: [String])

    /// Correct the notification's details (only the fields given change), with the reason; `possibleDuplicateOf`:
    /// a case the corrected details match, found by the shell.
    case correctNotification(NotificationCorrection, reason: String, possibleDuplicateOf: CaseID?)

    // MARK: Duplicates
    /// Reopen a settled "different death" decision: link the case again to the case it was compared with.
    case reopenDuplicateDecision(reason: String)
    /// Clear the link to a possible duplicate: it is a different death.
    case rejectPossibleDuplicate(reason: String)
    /// On the duplicate: confirm it is the same death as `primary`; this case ends.
    case confirmDuplicate(primary: CaseID)
    /// On the primary: take in what the confirmed duplicate knew (see `DuplicateMerge`).
    case mergeDuplicate(from: CaseID, notification: DeathNotification, agencies: [AgencyInvolvement])

    // MARK: Triage and rapid response
    /// The designated doctor confirms expected or unexpected and the Joint Agency Response triggers.
    case triage(expectation: Expectation, confirmedBy: String, triggers: Set<JARTrigger>)
    /// The designated doctor convenes a rapid-response meeting (created in its own stream by the shell).
    case conveneRapidResponse(meetingID: MeetingID, scheduledFor: Date)
    /// Record that the rapid-response meeting took place.
    case recordRapidResponseMeetingHeld(meetingID: MeetingID, heldAt: Date)
    /// Close the Joint Agency Response.
    case completeRapidResponse(note: String)

    // MARK: Agencies and forms
    /// Record an agency involved with the child.
    case recordAgencyInvolved(AgencyInvolvement)
    /// Ask an involved agency for a form, due on `dueDate`, chased by `schedule`.
    case requestForm(
        requestID: FormRequestID, agencyID: AgencyID, formType: FormType, contactEmail: String,
        dueDate: CalendarDate, schedule: ScheduleReference?)
    /// Issue reminder `step` (a timer may fire twice: a repeated step issues nothing).
    case issueReminder(requestID: FormRequestID, step: Int, kind: ReminderKind)
    /// Escalate an overdue request (repeating a level issues nothing).
    case escalate(requestID: FormRequestID, level: EscalationLevel)
    /// Keep a practitioner's unfinished answers on an outstanding request, to come back to later.
    /// Record that the request's form was opened through the practitioner's link (`view`: page or api).
    case recordFormOpened(requestID: FormRequestID, view: String)
    case saveFormDraft(
        requestID: FormRequestID, definition: FormDefinitionReference, answers: FormAnswers, savedBy: String)
    /// Record the agency's returned form.
    case recordFormReturned(
        requestID: FormRequestID, definition: FormDefinitionReference, answers: FormAnswers, submittedBy: String)
    /// Record the agency's "no information held".
    case recordNoInformationHeld(requestID: FormRequestID, declaredBy: String)
    /// Withdraw a request.
    case withdrawFormRequest(requestID: FormRequestID, reason: String)
    /// Stop waiting for an outstanding request.
    case waiveFormRequest(requestID: FormRequestID, reason: String)
    /// Send a reminder for an outstanding request now, outside its chasing schedule.
    case sendReminderNow(requestID: FormRequestID)
    /// Send an outstanding request to a new contact: a new link, and the old one no longer opens the form.
    case changeFormContact(requestID: FormRequestID, contactEmail: String)
    /// Tell the coordinator by email of a notification from the public form (once).
    case alertCoordinator
    /// Record that the agency declined to complete the form, and why.
    case recordDecline(requestID: FormRequestID, reason: String, declaredBy: String)

    // MARK: Review
    /// The review waits on an external process from `since` (pauses the timeliness clock).
    case awaitExternalProcess(process: ExternalProcess, reason: String, since: CalendarDate)
    /// The external process concluded on `on`.
    case concludeExternalProcess(process: ExternalProcess, on: CalendarDate)
    /// Record the child death review meeting and its draft analysis.
    case recordReviewMeetingHeld(meetingID: MeetingID?, heldOn: CalendarDate, draftAnalysis: String)
    /// Mark the case ready for the panel.
    case markReadyForPanel
    /// List the case for a panel meeting.
    case assignToPanelMeeting(meetingID: MeetingID, meetingDate: CalendarDate)

    // MARK: Outcome and closure
    /// Record the panel's review.
    case recordPanelOutcome(PanelOutcomeInput)
    /// Record a recommendation or action; owner and due date are required.
    case recordRecommendation(actionID: ActionID, text: String, owner: String, dueDate: CalendarDate?)
    /// Mark a recommendation or action completed.
    case completeRecommendation(actionID: ActionID, completedOn: CalendarDate, note: String)
    /// Refer the case for a child safeguarding practice review.
    case referForSafeguardingPracticeReview(reason: String, referredOn: CalendarDate)
    /// Record submission of the review to the National Child Mortality Database.
    case recordNCMDSubmission(reference: String, submittedOn: CalendarDate)
    /// Close the reviewed case, saying why (for example, "review complete and submitted").
    case close(reason: String)
    /// Reopen a closed case.
    case reopen(reason: String)
    /// Mark the notification, a returned form or the panel's outcome finalised for the national return; the shell
    /// supplies the required national items the part leaves empty (found from the form definitions).
    case finaliseNationalReturnPart(NationalReturnPart, emptyRequiredItems: [NationalItemGap] = [])
    /// Reopen a finalised part of the national return, saying why.
    case reopenNationalReturnPart(NationalReturnPart, reason: String)

    // MARK: Schedules
    /// Start a declared schedule on the case, with the step times the shell planned from its definition.
    case startSchedule(ScheduleStart)
    /// A timer fired: act on `step` of the schedule chasing `target` (a step reached before: nothing).
    case reachScheduleStep(target: ScheduleTarget, scheduleID: String, step: String)
    /// Move a running schedule to a newer version of its definition.
    case moveSchedule(ScheduleStart)

    // MARK: Links and mail
    /// Record a practitioner link issued for a request (its token's hash only).
    case issuePractitionerLink(requestID: FormRequestID, tokenHash: String, expiresAt: Date)
    /// Record that an email of the outbox was accepted (once per outbox entry).
    case recordEmailSent(EmailOutcome)
    /// Record that an email of the outbox could not be delivered (once per outbox entry).
    case recordEmailFailed(EmailOutcome, reason: String)
    /// Put an undelivered email back in the outbox.
    case requeueEmail(outboxID: String)

    // MARK: The national return
    /// Queue the case's document of a national return for NCMD (the same delivery key again queues nothing).
    case queueNationalReturn(NationalReturnDocument)
    /// Record that NCMD's endpoint accepted a queued document (once per delivery).
    case recordNationalReturnSent(deliveryKey: String, status: Int, attempts: Int)
    /// Record a transient failure of attempt `attempts`, to be tried again at `retryAt` (once per attempt).
    case recordNationalReturnRetry(deliveryKey: String, attempts: Int, retryAt: Date, reason: String)
    /// Record that a queued document could not be delivered (once per delivery).
    case recordNationalReturnFailed(deliveryKey: String, reason: String, attempts: Int)
}

/// A case's document of a national return, as the return's export hands it to the sending.
package struct NationalReturnDocument: Hashable, Sendable {
    package var deliveryKey: String
    package var year: Int
    package var manifestHash: String
    package var nationalCaseKey: String
    package var document: String

    package init(deliveryKey: String, year: Int, manifestHash: String, nationalCaseKey: String, document: String) {
        self.deliveryKey = deliveryKey
        self.year = year
        self.manifestHash = manifestHash
        self.nationalCaseKey = nationalCaseKey
        self.document = document
    }
}

/// Which outbox email an outcome is about.
package struct EmailOutcome: Hashable, Sendable {
    package var outboxID: String
    package var messageID: String
    package var template: String
    package var recipientRole: String
    package var route: String
    package var attempts: Int

    package init(
        outboxID: String, messageID: String, template: String, recipientRole: String, route: String, attempts: Int
    ) {
        self.outboxID = outboxID
        self.messageID = messageID
        self.template = template
        self.recipientRole = recipientRole
        self.route = route
        self.attempts = attempts
    }
}

/// A schedule to start (or move to): what the shell planned from a definition.
package struct ScheduleStart: Hashable, Sendable {
    package var reference: ScheduleReference
    package var title: String
    package var target: ScheduleTarget
    package var steps: [PlannedStep]
    package var stoppedBy: Set<ScheduleDefinition.Stop>
    package var pausedWhileAwaitingExternal: Bool

    package init(definition: ScheduleDefinition, target: ScheduleTarget, steps: [PlannedStep]) {
        reference = definition.reference
        title = definition.title
        self.target = target
        self.steps = steps
        stoppedBy = definition.stoppedBy
        pausedWhileAwaitingExternal = definition.pausedWhileAwaitingExternal
    }
}
