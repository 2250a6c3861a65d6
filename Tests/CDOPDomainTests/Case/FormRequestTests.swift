import Testing

@testable import CDOPDomain

@Suite("Form B requests and chasing")
struct FormRequestTests {
    @Test("A form is requested from an involved agency with its contact, due date and chasing schedule")
    func request() throws {
        let events = try history(
            CaseDecider.self, [.recordAgencyInvolved(Sample.gpInvolvement)], from: try Story.triagedExpected())
        let then = Given(CaseDecider.self, events).when(Sample.requestForm())
        then.then([
            .formRequested(
                FormRequested(
                    requestID: Sample.request1, agencyID: Sample.gp, agencyName: "Northgate Surgery",
                    formType: .reporting,
                    contactEmail: "lead@gp.example.org", dueDate: Sample.day(2026, 6, 15),
                    schedule: ScheduleReference(id: "form-b-chasing", version: 1), at: Sample.now))
        ])
        #expect(then.events?.first?.summary == "Form B requested from Northgate Surgery, due 15 Jun 2026")
        #expect(then.state.request(Sample.request1)?.status == .requested)
        #expect(then.state.stage == .informationGathering)
    }

    @Test("A form cannot be requested from an agency not recorded as involved")
    func agencyNotInvolved() throws {
        Given(CaseDecider.self, try Story.triagedExpected()).when(Sample.requestForm()).thenRejected(
            "formRequest.agencyNotInvolved")
    }

    @Test("A form cannot be due before today")
    func dueInPast() throws {
        let events = try history(
            CaseDecider.self, [.recordAgencyInvolved(Sample.gpInvolvement)], from: try Story.notified())
        let error = Given(CaseDecider.self, events)
            .when(
                .requestForm(
                    requestID: Sample.request1, agencyID: Sample.gp, formType: .reporting, contactEmail: "a@b.org",
                    dueDate: Sample.day(2026, 5, 31), schedule: nil)
            )
            .thenRejected("formRequest.dueDateInPast")
        #expect(error?.description == "The due date (31 May 2026) is before today (1 June 2026).")
    }

    @Test("A contact email that cannot be delivered to is refused, naming it")
    func badEmail() throws {
        let events = try history(
            CaseDecider.self, [.recordAgencyInvolved(Sample.gpInvolvement)], from: try Story.notified())
        let error = Given(CaseDecider.self, events)
            .when(
                .requestForm(
                    requestID: Sample.request1, agencyID: Sample.gp, formType: .reporting, contactEmail: "lead at gp",
                    dueDate: Sample.day(2026, 6, 15), schedule: nil)
            )
            .thenRejected("input.invalidEmail")
        #expect(error?.description.contains("lead at gp") == true)
    }

    @Test("An agency has one outstanding form of each type; a supplementary form may be asked alongside")
    func oneOutstandingPerType() throws {
        let given = Given(CaseDecider.self, try Story.gpRequested())
        given.when(Sample.requestForm(Sample.request2)).thenRejected("formRequest.alreadyOutstanding")
        #expect(given.when(Sample.requestForm(Sample.request2, type: .sudiSudc)).events?.count == 1)
        given.when(Sample.requestForm(Sample.request1, type: .sudiSudc)).thenRejected("formRequest.duplicateID")
    }

    @Test("A reminder step is issued once: a timer firing twice issues nothing the second time")
    func reminderIdempotent() throws {
        let first = Given(CaseDecider.self, try Story.gpRequested()).when(
            .issueReminder(requestID: Sample.request1, step: 1, kind: .reminder))
        let events = first.thenAccepted()
        #expect(events.count == 1)
        #expect(first.state.request(Sample.request1)?.status == .reminded(step: 1))
        Given(CaseDecider.self, try Story.gpRequested() + events).when(
            .issueReminder(requestID: Sample.request1, step: 1, kind: .reminder)
        ).then([])
        let second = Given(CaseDecider.self, try Story.gpRequested() + events).when(
            .issueReminder(requestID: Sample.request1, step: 2, kind: .finalReminder))
        #expect(second.events?.first?.summary == "Final reminder (step 2) sent to Northgate Surgery")
    }

    @Test("No reminder or escalation is issued once the request is no longer outstanding")
    func noChaseAfterReturn() throws {
        let events = try history(CaseDecider.self, [Sample.returnForm], from: try Story.gpRequested())
        let given = Given(CaseDecider.self, events)
        given.when(.issueReminder(requestID: Sample.request1, step: 1, kind: .reminder)).then([])
        given.when(.escalate(requestID: Sample.request1, level: .coordinator)).then([])
    }

    @Test("Escalation rises by level and never repeats or goes back")
    func escalation() throws {
        let events = try history(
            CaseDecider.self, [.escalate(requestID: Sample.request1, level: .designatedDoctorAndChair)],
            from: try Story.gpRequested())
        #expect(
            CaseDecider.fold(events).request(Sample.request1)?.status == .escalated(level: .designatedDoctorAndChair))
        let given = Given(CaseDecider.self, events)
        given.when(.escalate(requestID: Sample.request1, level: .designatedDoctorAndChair)).then([])
        given.when(.escalate(requestID: Sample.request1, level: .coordinator)).then([])
    }

    @Test("Chasing a request the case does not have is refused")
    func unknownRequest() throws {
        Given(CaseDecider.self, try Story.gpRequested()).when(
            .issueReminder(requestID: Sample.request2, step: 1, kind: .reminder)
        )
        .thenRejected("formRequest.notFound")
        Given(CaseDecider.self, try Story.gpRequested()).when(
            .issueReminder(requestID: Sample.request1, step: 0, kind: .reminder)
        )
        .thenRejected("formRequest.invalidStep")
    }

    @Test("A returned form keeps its answers and the definition answered")
    func returnKeepsAnswers() throws {
        let then = Given(CaseDecider.self, try Story.gpRequested()).when(Sample.returnForm)
        let request = then.state.request(Sample.request1)
        #expect(request?.status == .returned)
        #expect(request?.answers == Sample.returnedAnswers)
        #expect(request?.answered == FormDefinitionReference(id: "reporting", version: 1))
    }

    @Test("Returning a request that was withdrawn is refused")
    func returnWithdrawn() throws {
        let events = try history(
            CaseDecider.self, [.withdrawFormRequest(requestID: Sample.request1, reason: "Sent to the wrong practice")],
            from: try Story.gpRequested())
        let error = Given(CaseDecider.self, events).when(Sample.returnForm).thenRejected("formRequest.withdrawn")
        #expect(
            error?.description
                == "The request to Northgate Surgery was withdrawn on 1 June 2026 (Sent to the wrong practice); it can no longer be answered."
        )
    }

    @Test("A form cannot be returned twice, nor after no information was declared")
    func returnTwice() throws {
        let returned = try history(CaseDecider.self, [Sample.returnForm], from: try Story.gpRequested())
        Given(CaseDecider.self, returned).when(Sample.returnForm).thenRejected("formRequest.alreadyReturned")
        let declined = try history(
            CaseDecider.self, [.recordNoInformationHeld(requestID: Sample.request1, declaredBy: "Practice manager")],
            from: try Story.gpRequested())
        #expect(CaseDecider.fold(declined).request(Sample.request1)?.status == .declined)
        Given(CaseDecider.self, declined).when(Sample.returnForm).thenRejected("formRequest.alreadyDeclined")
    }

    @Test("An outstanding request can be waived with a reason, and a late return is still kept")
    func waiveThenReturn() throws {
        let given = Given(CaseDecider.self, try Story.gpRequested())
        given.when(.waiveFormRequest(requestID: Sample.request1, reason: " ")).thenRejected("input.reasonMissing")
        let waived = try history(
            CaseDecider.self, [.waiveFormRequest(requestID: Sample.request1, reason: "Practice closed")],
            from: try Story.gpRequested())
        #expect(CaseDecider.fold(waived).request(Sample.request1)?.status == .waived)
        Given(CaseDecider.self, waived).when(.waiveFormRequest(requestID: Sample.request1, reason: "again"))
            .thenRejected("formRequest.notOutstanding")
        #expect(
            Given(CaseDecider.self, waived).when(Sample.returnForm).state.request(Sample.request1)?.status == .returned)
    }

    @Test("Only an outstanding request can be withdrawn")
    func withdrawReturned() throws {
        let returned = try history(CaseDecider.self, [Sample.returnForm], from: try Story.gpRequested())
        Given(CaseDecider.self, returned).when(.withdrawFormRequest(requestID: Sample.request1, reason: "x"))
            .thenRejected("formRequest.notOutstanding")
    }

    @Test("An agency is recorded as involved once")
    func agencyOnce() throws {
        Given(CaseDecider.self, try Story.gpRequested()).when(.recordAgencyInvolved(Sample.gpInvolvement))
            .thenRejected("agency.alreadyInvolved")
    }
}
