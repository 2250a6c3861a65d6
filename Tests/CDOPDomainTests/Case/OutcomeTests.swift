import Testing

@testable import CDOPDomain

@Suite("Panel outcome")
struct OutcomeTests {
    @Test("When several categories apply, the highest-ranked (lowest number) is primary and the others are kept")
    func primaryCategory() throws {
        let then = Given(CaseDecider.self, try Story.panelScheduled()).when(
            .recordPanelOutcome(Sample.outcome(categories: [10, 9, 3, 9])))
        let outcome = try #require(then.state.panelOutcome)
        #expect(outcome.primaryCategory == .traumaAndOtherExternalFactors)
        #expect(outcome.otherCategories == [.infection, .suddenUnexpectedUnexplainedDeath])
        #expect(outcome.meetingID == Sample.panelMeeting)
        #expect(then.state.stage == .panelReviewed)
    }

    @Test("A category outside 1 to 10 is refused, naming the value", arguments: [0, 11, -1])
    func categoryRange(_ rank: Int) throws {
        let error = Given(CaseDecider.self, try Story.panelScheduled()).when(
            .recordPanelOutcome(Sample.outcome(categories: [10, rank]))
        )
        .thenRejected("outcome.categoryOutOfRange")
        #expect(error?.description == "The category of death (\(rank)) must be a number from 1 to 10.")
    }

    @Test("An outcome needs a category")
    func noCategory() throws {
        Given(CaseDecider.self, try Story.panelScheduled()).when(.recordPanelOutcome(Sample.outcome(categories: [])))
            .thenRejected("outcome.categoryMissing")
    }

    @Test("A panel outcome is refused while Form B requests are outstanding and not waived")
    func outstandingForms() throws {
        let events = try history(
            CaseDecider.self,
            [
                .recordAgencyInvolved(Sample.policeInvolvement),
                Sample.requestForm(Sample.request2, from: Sample.police),
                .markReadyForPanel,
                .assignToPanelMeeting(meetingID: Sample.panelMeeting, meetingDate: Sample.day(2026, 6, 1)),
            ], from: try Story.triagedExpected())
        let error = Given(CaseDecider.self, events).when(.recordPanelOutcome(Sample.outcome())).thenRejected(
            "outcome.formsOutstanding")
        #expect(error?.description.contains("Form B from Northshire Police (due 15 June 2026)") == true)
        let waived = try history(
            CaseDecider.self, [.waiveFormRequest(requestID: Sample.request2, reason: "No reply after escalation")],
            from: events)
        #expect(Given(CaseDecider.self, waived).when(.recordPanelOutcome(Sample.outcome())).events?.count == 1)
    }

    @Test("An outcome needs the case listed for a panel meeting")
    func notListed() throws {
        Given(CaseDecider.self, try Story.gpRequested()).when(.recordPanelOutcome(Sample.outcome())).thenRejected(
            "outcome.notScheduled")
    }

    @Test("Factors and outcome must agree")
    func consistency() throws {
        let given = Given(CaseDecider.self, try Story.panelScheduled())
        given.when(.recordPanelOutcome(Sample.outcome(outcome: .noModifiableFactorsIdentified))).thenRejected(
            "outcome.modifiableFactorContradiction")
        var none = Sample.outcome()
        none.factors = []
        given.when(.recordPanelOutcome(none)).thenRejected("outcome.noModifiableFactor")
        var level1 = Sample.outcome()
        level1.factors[0].level = .noneOrUnlikely
        given.when(.recordPanelOutcome(level1)).thenRejected("outcome.factorModifiableLevel")
        var unthemed = Sample.outcome()
        unthemed.learningPoints = [LearningPoint(theme: "", text: "x")]
        given.when(.recordPanelOutcome(unthemed)).thenRejected("outcome.learningThemeMissing")
    }

    @Test("The older preventability scale is refused for a review on or after the panel's cut-over")
    func legacyPreventability() throws {
        var input = Sample.outcome()
        input.legacyPreventability = .potentiallyPreventable
        Given(CaseDecider.self, try Story.panelScheduled()).when(.recordPanelOutcome(input))
            .thenRejected("outcome.legacyPreventabilityNotApplicable")
    }

    @Test("A review completed before the cut-over may be judged on the older scale alone, with no outcome invented")
    func legacyAllowed() throws {
        let historic = Sample.notification(
            born: Sample.day(2010, 1, 10), died: Sample.day(2011, 6, 1), notified: Sample.day(2011, 6, 2))
        let events = try history(
            CaseDecider.self,
            [
                .notify(caseID: Sample.caseID, notification: historic, possibleDuplicateOf: nil), Sample.triageExpected,
                .markReadyForPanel,
                .assignToPanelMeeting(meetingID: Sample.panelMeeting, meetingDate: Sample.day(2012, 11, 15)),
            ])
        var input = Sample.outcome()
        input.legacyPreventability = .potentiallyPreventable
        input.outcome = nil
        input.factors = []
        input.reviewedOn = Sample.day(2012, 11, 15)
        let outcome = Given(CaseDecider.self, events).when(.recordPanelOutcome(input)).state.panelOutcome
        #expect(outcome?.legacyPreventability == .potentiallyPreventable)
        #expect(outcome?.outcome == nil)
        input.legacyPreventability = nil
        Given(CaseDecider.self, events).when(.recordPanelOutcome(input)).thenRejected("outcome.outcomeMissing")
    }

    @Test("An outcome is recorded once; changing it needs the case reopened")
    func once() throws {
        Given(CaseDecider.self, try Story.reviewed()).when(.recordPanelOutcome(Sample.outcome())).thenRejected(
            "case.alreadyReviewed")
    }

    @Test("Actions need an owner and a due date")
    func actionsNeedOwnerAndDate() throws {
        let given = Given(CaseDecider.self, try Story.reviewed())
        given.when(
            .recordRecommendation(
                actionID: Sample.action1, text: "Safe sleep campaign", owner: " ", dueDate: Sample.day(2026, 9, 1))
        )
        .thenRejected("action.ownerMissing")
        let error = given.when(
            .recordRecommendation(
                actionID: Sample.action1, text: "Safe sleep campaign", owner: "Public health", dueDate: nil)
        )
        .thenRejected("action.dueDateMissing")
        #expect(error?.description == "The action \"Safe sleep campaign\" needs a due date.")
    }

    @Test("A recommendation is tracked until completed, once")
    func recommendation() throws {
        let events = try history(
            CaseDecider.self,
            [
                .recordRecommendation(
                    actionID: Sample.action1, text: "Safe sleep campaign", owner: "Public health",
                    dueDate: Sample.day(2026, 9, 1)),
                .completeRecommendation(
                    actionID: Sample.action1, completedOn: Sample.day(2026, 6, 1), note: "Launched"),
            ], from: try Story.reviewed())
        #expect(CaseDecider.fold(events).recommendations.first?.isOpen == false)
        Given(CaseDecider.self, events).when(
            .completeRecommendation(actionID: Sample.action1, completedOn: Sample.day(2026, 6, 1), note: "")
        )
        .thenRejected("action.alreadyCompleted")
        Given(CaseDecider.self, try Story.panelScheduled())
            .when(
                .recordRecommendation(actionID: Sample.action1, text: "x", owner: "y", dueDate: Sample.day(2026, 9, 1))
            )
            .thenRejected("recommendation.noOutcome")
    }

    @Test("A case is referred for a child safeguarding practice review once")
    func safeguarding() throws {
        let refer = CaseCommand.referForSafeguardingPracticeReview(
            reason: "Concerns about neglect", referredOn: Sample.day(2026, 6, 1))
        let events = try history(CaseDecider.self, [refer], from: try Story.reviewed())
        #expect(CaseDecider.fold(events).safeguardingReferral?.reason == "Concerns about neglect")
        Given(CaseDecider.self, events).when(refer).thenRejected("safeguarding.alreadyReferred")
    }

    @Test("Days from death to review exclude paused time")
    func timeliness() throws {
        let events = try history(
            CaseDecider.self,
            [
                .awaitExternalProcess(process: .postMortem, reason: "PM", since: Sample.day(2026, 5, 4)),
                .concludeExternalProcess(process: .postMortem, on: Sample.day(2026, 5, 14)),
                .recordAgencyInvolved(Sample.gpInvolvement), .markReadyForPanel,
                .assignToPanelMeeting(meetingID: Sample.panelMeeting, meetingDate: Sample.day(2026, 6, 1)),
                .recordPanelOutcome(Sample.outcome()),
            ], from: try Story.triagedExpected())
        #expect(CaseDecider.fold(events).reviewDaysExcludingPauses == 29 - 10)
    }
}

@Suite("Submission, closure and reopening")
struct ClosureTests {
    @Test("Closing without a panel outcome is refused")
    func closeWithoutOutcome() throws {
        let error = Given(CaseDecider.self, try Story.panelScheduled()).when(.close(reason: "Review complete"))
            .thenRejected(
                "closure.noPanelOutcome")
        #expect(
            error?.description == "The case cannot be closed without a panel outcome; record the panel's review first.")
    }

    @Test("Closing before submission to the national database is refused")
    func closeWithoutSubmission() throws {
        Given(CaseDecider.self, try Story.reviewed()).when(.close(reason: "Review complete")).thenRejected(
            "closure.notSubmittedToNCMD")
    }

    @Test("Submission to the national database needs the panel's review and happens once")
    func submission() throws {
        Given(CaseDecider.self, try Story.panelScheduled()).when(
            .recordNCMDSubmission(reference: "", submittedOn: Sample.day(2026, 6, 1))
        )
        .thenRejected("ncmd.noOutcome")
        #expect(CaseDecider.fold(try Story.submitted()).stage == .submittedToNCMD)
        Given(CaseDecider.self, try Story.submitted()).when(
            .recordNCMDSubmission(reference: "", submittedOn: Sample.day(2026, 6, 1))
        )
        .thenRejected("ncmd.alreadySubmitted")
    }

    @Test("Closing a case needs a reason, kept on the event and in its summary")
    func closingNeedsAReason() throws {
        Given(CaseDecider.self, try Story.submitted()).when(.close(reason: "  ")).thenRejected("input.reasonMissing")
        let closed = Given(CaseDecider.self, try Story.submitted()).when(
            .close(reason: "Review complete and submitted")
        )
        .thenAccepted()
        guard case .closed(let event) = try #require(closed.first) else {
            Issue.record("\(closed)")
            return
        }
        #expect(event.reason == "Review complete and submitted")
        #expect(event.summary == "Case closed: Review complete and submitted")
    }

    @Test("A reviewed and submitted case closes; review steps are then refused until it is reopened")
    func closed() throws {
        let events = try Story.closed()
        #expect(CaseDecider.fold(events).stage == .closed)
        Given(CaseDecider.self, events).when(Sample.requestForm(Sample.request2)).thenRejected("case.closed")
        Given(CaseDecider.self, events).when(.close(reason: "Review complete")).thenRejected("case.closed")
    }

    @Test("Reopening needs a reason, sets the outcome aside and returns the case to information gathering")
    func reopen() throws {
        let events = try Story.closed()
        Given(CaseDecider.self, events).when(.reopen(reason: "")).thenRejected("input.reasonMissing")
        let then = Given(CaseDecider.self, events).when(.reopen(reason: "Inquest verdict gives new information"))
        #expect(then.state.stage == .informationGathering)
        #expect(then.state.panelOutcome == nil)
        #expect(then.state.supersededOutcomes.count == 1)
        #expect(then.state.previousSubmissions.count == 1)
        Given(CaseDecider.self, try Story.reviewed()).when(.reopen(reason: "x")).thenRejected("case.notClosed")
    }
}
