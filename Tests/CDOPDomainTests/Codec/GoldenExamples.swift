import Foundation

@testable import CDOPDomain

/// One real example of every event type, produced by deciding commands on a fixed clock.
enum GoldenExamples {
    /// Every example, encoded, keyed by type name (the first event of each type wins).
    static func all() throws -> [String: EncodedEvent] {
        var examples: [String: EncodedEvent] = [:]
        func add<E: DomainEvent>(_ events: [E]) throws {
            for event in events where examples[event.typeName] == nil {
                examples[event.typeName] = try EventCodec.encode(event)
            }
        }
        try add(caseEvents())
        try add(meetingEvents())
        try add(agencyEvents())
        try add(userEvents())
        try add(nationalReturnLogEvents())
        return examples
    }

    static func caseEvents() throws -> [CaseEvent] {
        var events = try Story.closed()
        events += try history(
            CaseDecider.self, [.reopen(reason: "Inquest verdict gives new information")], from: Story.closed())
        events += try history(
            CaseDecider.self,
            [
                .finaliseNationalReturnPart(.notification),
                .reopenNationalReturnPart(.notification, reason: "The date of birth is being corrected"),
            ], from: Story.closed())
        let unexpected = try history(
            CaseDecider.self,
            [
                .conveneRapidResponse(
                    meetingID: Sample.jarMeeting, scheduledFor: Timestamp.parse("2026-05-06T13:00:00Z")!),
                .recordRapidResponseMeetingHeld(
                    meetingID: Sample.jarMeeting, heldAt: Timestamp.parse("2026-05-06T13:00:00Z")!),
                .completeRapidResponse(note: "Information shared; home visit done"),
                .recordAgencyInvolved(Sample.gpInvolvement), .recordAgencyInvolved(Sample.policeInvolvement),
                Sample.requestForm(), Sample.requestForm(Sample.request2, from: Sample.police),
                .startSchedule(Sample.startFormB(Sample.request1)),
                .reachScheduleStep(target: .formRequest(Sample.request1), scheduleID: "form-b-chasing", step: "due"),
                .moveSchedule(Sample.startFormB(Sample.request1, version: 2)),
                .issuePractitionerLink(
                    requestID: Sample.request1, tokenHash: String(repeating: "ab", count: 32),
                    expiresAt: Timestamp.parse("2026-07-31T09:00:00Z")!),
                .recordEmailSent(Sample.emailOutcome("outbox-1")),
                .recordEmailFailed(Sample.emailOutcome("outbox-2"), reason: "rejected: 550 mailbox unavailable"),
                .requeueEmail(outboxID: "outbox-2"),
                .issueReminder(requestID: Sample.request1, step: 1, kind: .reminder),
                .escalate(requestID: Sample.request1, level: .coordinator),
                .recordFormOpened(requestID: Sample.request1, view: "page"),
                .saveFormDraft(
                    requestID: Sample.request1, definition: FormDefinitionReference(id: "reporting", version: 1),
                    answers: ["concerns": .text("Still checking the records."), "seenInLast12Months": .yesNo(.yes)],
                    savedBy: "Northgate Surgery"),
                .recordNoInformationHeld(requestID: Sample.request2, declaredBy: "Records officer"),
                .sendReminderNow(requestID: Sample.request1),
                .changeFormContact(requestID: Sample.request1, contactEmail: "new.contact@gp.example.org"),
                .withdrawFormRequest(requestID: Sample.request1, reason: "Sent to the wrong practice"),
                Sample.requestForm(Sample.id(203), type: .sudiSudc),
                .waiveFormRequest(requestID: Sample.id(203), reason: "Information held elsewhere"),
                Sample.requestForm(Sample.id(204), type: .neonatal),
                .recordDecline(
                    requestID: Sample.id(204), reason: "The agency did not know the child",
                    declaredBy: "Records officer"),
                .awaitExternalProcess(
                    process: .postMortem, reason: "Post-mortem report awaited", since: Sample.day(2026, 5, 4)),
                .concludeExternalProcess(process: .postMortem, on: Sample.day(2026, 5, 20)),
                .recordReviewMeetingHeld(
                    meetingID: Sample.id(303), heldOn: Sample.day(2026, 5, 28), draftAnalysis: "Draft analysis agreed"),
                .markReadyForPanel,
                .assignToPanelMeeting(meetingID: Sample.panelMeeting, meetingDate: Sample.day(2026, 6, 1)),
                .recordPanelOutcome(Sample.outcome()),
                .recordRecommendation(
                    actionID: Sample.action1, text: "Run a safe sleep campaign", owner: "Public health team",
                    dueDate: Sample.day(2026, 9, 30)),
                .completeRecommendation(
                    actionID: Sample.action1, completedOn: Sample.day(2026, 6, 1), note: "Campaign launched"),
                .referForSafeguardingPracticeReview(
                    reason: "Concerns about neglect", referredOn: Sample.day(2026, 6, 1)),
            ], from: Story.triagedUnexpected())
        events += unexpected
        events += try history(
            CaseDecider.self, [.recordOutOfScope(reason: .other, detail: "Death abroad, notified in error")],
            from: Story.notified())
        events += try history(
            CaseDecider.self, [.transfer(toPanel: "Farshire CDOP", reason: "Child lived in Farshire")],
            from: Story.notified())
        events += try history(
            CaseDecider.self,
            [
                .recordExternalReference(reference: "B11-001", source: "the panel's earlier records"),
                .alertCoordinator,
                .recordSubjectErased(role: "child", reason: "The retention period after closure ended"),
                .recordSubjectAccessExported(role: "parent-1", reason: "Subject access request SAR-2026-014"),
                .requestErasure(roles: ["parent-1"], reason: "Erasure request ER-2026-003", by: "casey.coordinator"),
                .declineErasure(by: "ada.admin", reason: "Inquest pending: the records must be kept"),
                .requestErasure(roles: ["child"], reason: "Retention period after closure ended", by: nil),
                .approveErasure(by: "casey.coordinator"), .approveErasure(by: "ada.admin"),
                .recordErasureCarriedOut(roles: ["child"]),
            ],
            from: Story.notified())
        events += try history(
            CaseDecider.self,
            [
                .queueNationalReturn(Sample.nationalReturnDocument("delivery-1")),
                .recordNationalReturnRetry(
                    deliveryKey: "delivery-1", attempts: 1, retryAt: Timestamp.parse("2026-06-01T09:00:30Z")!,
                    reason: "NCMD's endpoint answered HTTP 503"),
                .recordNationalReturnSent(deliveryKey: "delivery-1", status: 201, attempts: 2),
                .queueNationalReturn(Sample.nationalReturnDocument("delivery-2")),
                .recordNationalReturnFailed(
                    deliveryKey: "delivery-2", reason: "NCMD's endpoint refused the document (HTTP 400)", attempts: 1),
            ],
            from: Story.closed())
        let linked = try history(
            CaseDecider.self,
            [
                .notify(
                    caseID: Sample.otherCaseID, notification: Sample.notification(surname: "Testchilde"),
                    possibleDuplicateOf: Sample.caseID)
            ])
        let rejected = try history(
            CaseDecider.self, [.rejectPossibleDuplicate(reason: "Twins, different children")], from: linked)
        events += rejected
        events += try history(
            CaseDecider.self, [.reopenDuplicateDecision(reason: "The NHS numbers are the same")],
            from: linked + rejected)
        var correction = NotificationCorrection()
        var child = NotificationCorrection.Child()
        child.name = PersonName(forenames: "Alexander", surname: "Testchild")
        correction.child = child
        events += try history(
            CaseDecider.self,
            [
                .correctNotification(
                    correction, reason: "The birth certificate gives Alexander", possibleDuplicateOf: nil)
            ],
            from: Story.notified())
        events += try history(CaseDecider.self, [.confirmDuplicate(primary: Sample.caseID)], from: linked)
        let duplicate = try NotificationRules.validated(
            Sample.notification(surname: "Testchilde"), context: Sample.context)
        events += try history(
            CaseDecider.self,
            [.mergeDuplicate(from: Sample.otherCaseID, notification: duplicate, agencies: [Sample.policeInvolvement])],
            from: Story.notified())
        return events
    }

    static func meetingEvents() throws -> [MeetingEvent] {
        let start = Timestamp.parse("2026-06-03T13:00:00Z")!
        let venue = MeetingVenue(place: "Room 4, Northshire Hospital", callLink: "https://meet.example.org/rr-0001")
        var events = try history(
            MeetingDecider.self,
            [
                .schedule(
                    meetingID: Sample.jarMeeting, type: .rapidResponse, title: "Rapid response meeting",
                    startsAt: start,
                    endsAt: start.addingTimeInterval(3600), venue: venue, theme: nil),
                .invite(
                    Invitee(
                        name: "DS Robin Officer", email: "robin.officer@police.example.org", role: .police,
                        organisation: "Northshire Police")),
                .invite(Invitee(name: "Lee Visitor", email: "lee.visitor@hv.example.org", role: .healthVisitor)),
                .withdrawInvitation(email: "lee.visitor@hv.example.org"),
                .addCaseToAgenda(Sample.caseID), .addCaseToAgenda(Sample.otherCaseID),
                .removeCaseFromAgenda(Sample.otherCaseID),
                .reschedule(
                    startsAt: start.addingTimeInterval(86_400), endsAt: start.addingTimeInterval(90_000), venue: venue),
            ])
        events += try history(
            MeetingDecider.self,
            [
                .recordHeld(attendance: [AttendanceRecord(email: "robin.officer@police.example.org", status: .attended)]
                ),
                .recordMinutes(text: "Information shared. Home visit completed."),
                .agreeAction(
                    actionID: Sample.action1, description: "Share the scene report", owner: "DS Robin Officer",
                    dueDate: Sample.day(2026, 6, 11), caseID: Sample.caseID),
                .completeAction(actionID: Sample.action1, completedOn: Sample.day(2026, 6, 5), note: "Shared"),
                .recordEmailSent(Sample.emailOutcome("invitation:lead@gp.example.org:0")),
                .recordEmailFailed(
                    Sample.emailOutcome("invitation:lead@police.example.org:0"), reason: "rejected: 550"),
            ], context: Sample.context(plusDays: 4), from: events)
        events += try history(
            MeetingDecider.self, [.cancel(reason: "Family asked for a later date")], from: Array(events.prefix(1)))
        return events
    }

    static func agencyEvents() throws -> [AgencyEvent] {
        let lead = AgencyContact(
            name: "Dr Jo Example", role: "Safeguarding lead", email: "jo.example@gp.example.org", phone: "01632 960002",
            isLead: true)
        return try history(
            AgencyDecider.self,
            [
                .register(agencyID: Sample.gp, name: "Northgate Surgery", kind: .gp, contacts: [lead]),
                .update(name: "Northgate Medical Centre", kind: .gp, contacts: [lead]),
                .retire(reason: "Merged with Southgate Medical Centre"),
            ])
    }

    static func nationalReturnLogEvents() throws -> [NationalReturnLogEvent] {
        try history(
            NationalReturnLogDecider.self,
            [
                .recordProduced(
                    year: 2025, manifestHash: String(repeating: "0a1b2c3d", count: 8), casesIncluded: 31,
                    casesLeftOut: 4),
                .recordReminder(
                    NationalReturnReminderRecord(
                        year: 2025, schedule: ScheduleReference(id: "national-return", version: 1),
                        step: NationalReturnReminderSchedule.Step(
                            name: "four-weeks-before", before: Offset(28, .calendarDays),
                            to: [.coordinator, .panelChair], template: "national-return-reminder"),
                        plannedAt: Date(timeIntervalSince1970: 1_804_150_800), skipped: ["eight-weeks-before"],
                        casesNotReady: [
                            NotReadyCaseLine(
                                caseReference: "CDOP-2025-0007",
                                reasons: [
                                    .init(
                                        kind: "formNotFinalised",
                                        detail:
                                            "The Reporting form (Form B) from Northgate Surgery was returned but is not finalised."
                                    )
                                ])
                        ])),
                .recordEmailSent(yearReminder("reminder:four-weeks-before:coordinator", role: "coordinator")),
                .recordEmailFailed(
                    yearReminder("reminder:four-weeks-before:panel-chair", role: "panel chair"),
                    reason: "rejected: 550 no such mailbox"),
            ])
    }

    static func yearReminder(_ outboxID: String, role: String) -> EmailOutcome {
        EmailOutcome(
            outboxID: outboxID, messageID: "<\(outboxID)@cdop.example.org>", template: "national-return-reminder",
            recipientRole: role, route: "smtp 250", attempts: 1)
    }

    static func userEvents() throws -> [UserEvent] {
        let user: UserID = Sample.id(501)
        return try history(
            UserDecider.self,
            [
                .register(
                    userID: user, username: "casey.coordinator", displayName: "Casey Coordinator",
                    email: "casey@cdop.example.org", roles: [.coordinator, .designatedDoctor], areas: ["E06000901"]),
                .recordPasswordChanged(reset: true),
                .recordSignInRefused(.wrongPassword),
                .recordSignIn(withSecondFactor: false),
                .recordCaseViewed(caseID: Sample.caseID, view: .casePage),
                .recordCasesListed(caseIDs: [Sample.caseID, Sample.otherCaseID], searched: true),
                .recordAccessRefused(resource: "GET /cases/:case", reason: .role, caseID: Sample.caseID),
                .recordSecondFactorEnrolled,
                .changeAccess(roles: [.coordinator], areas: []),
                .removeSecondFactor(reason: "Phone lost"),
                .recordSignOut,
                .disable(reason: "Left the panel"),
                .enable,
                .recordSignInThrottled(failures: 3),
                .recordEmailSent(accountNotice("sign-in-held-back:1")),
                .recordEmailFailed(accountNotice("sign-in-held-back:2"), reason: "rejected: 550 no such mailbox"),
                .recordReauthenticated(.addOwnRole),
            ])
    }

    /// The outcome of an email to an account's owner.
    static func accountNotice(_ outboxID: String) -> EmailOutcome {
        EmailOutcome(
            outboxID: outboxID, messageID: "<\(outboxID)@cdop.example.org>", template: "sign-in-held-back",
            recipientRole: "account owner", route: "smtp 250", attempts: 1)
    }
}
