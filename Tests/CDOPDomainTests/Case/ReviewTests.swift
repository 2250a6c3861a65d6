import Testing

@testable import CDOPDomain

@Suite("Review: external processes, review meeting, readiness")
struct ReviewTests {
    static let awaitPM = CaseCommand.awaitExternalProcess(
        process: .postMortem, reason: "Post-mortem report awaited", since: Sample.day(2026, 5, 4))

    @Test("Awaiting an external process pauses the clock and shows the case as awaiting it")
    func pause() throws {
        let then = Given(CaseDecider.self, try Story.gpRequested()).when(Self.awaitPM)
        #expect(then.state.stage == .awaitingExternal)
        #expect(then.state.openPauses.map(\.process) == [.postMortem])
    }

    @Test("A process already awaited cannot be paused again; another may overlap")
    func overlapping() throws {
        let events = try history(CaseDecider.self, [Self.awaitPM], from: try Story.gpRequested())
        let given = Given(CaseDecider.self, events)
        given.when(Self.awaitPM).thenRejected("pause.alreadyOpen")
        let then = given.when(
            .awaitExternalProcess(process: .inquest, reason: "Inquest opened", since: Sample.day(2026, 5, 10)))
        #expect(then.state.openPauses.count == 2)
    }

    @Test("A pause that is not open cannot be resumed")
    func resumeNotOpen() throws {
        let error = Given(CaseDecider.self, try Story.gpRequested()).when(
            .concludeExternalProcess(process: .inquest, on: Sample.day(2026, 5, 20))
        )
        .thenRejected("pause.notOpen")
        #expect(error?.description == "The case is not awaiting the inquest, so there is nothing to resume.")
    }

    @Test("A process cannot conclude before it began, nor in the future, nor start before the death")
    func pauseDates() throws {
        let events = try history(CaseDecider.self, [Self.awaitPM], from: try Story.gpRequested())
        Given(CaseDecider.self, events).when(.concludeExternalProcess(process: .postMortem, on: Sample.day(2026, 5, 3)))
            .thenRejected("pause.endsBeforeStart")
        Given(CaseDecider.self, events).when(.concludeExternalProcess(process: .postMortem, on: Sample.day(2026, 6, 2)))
            .thenRejected("input.dateInFuture")
        Given(CaseDecider.self, try Story.gpRequested())
            .when(.awaitExternalProcess(process: .inquest, reason: "x", since: Sample.day(2026, 5, 1)))
            .thenRejected("input.dateBeforeDeath")
    }

    @Test("Resuming closes the pause period, keeping it for the timeliness figures")
    func resume() throws {
        let events = try history(
            CaseDecider.self,
            [Self.awaitPM, .concludeExternalProcess(process: .postMortem, on: Sample.day(2026, 5, 20))],
            from: try Story.gpRequested())
        let state = CaseDecider.fold(events)
        #expect(state.openPauses.isEmpty)
        #expect(
            state.pauses == [
                PausePeriod(
                    process: .postMortem, reason: "Post-mortem report awaited", from: Sample.day(2026, 5, 4),
                    until: Sample.day(2026, 5, 20))
            ])
        #expect(state.stage == .informationGathering)
    }

    @Test("Paused days count once however pauses overlap or follow each other")
    func clock() {
        let start = Sample.day(2026, 1, 1)
        let end = Sample.day(2026, 7, 1)
        let pauses = [
            PausePeriod(process: .postMortem, reason: "", from: Sample.day(2026, 2, 1), until: Sample.day(2026, 3, 1)),
            PausePeriod(process: .inquest, reason: "", from: Sample.day(2026, 2, 15), until: Sample.day(2026, 4, 1)),
            PausePeriod(
                process: .criminalProceedings, reason: "", from: Sample.day(2026, 4, 1), until: Sample.day(2026, 4, 11)),
            PausePeriod(process: .other, reason: "", from: Sample.day(2026, 6, 21), until: nil),
        ]
        #expect(ReviewClock.pausedDays(from: start, to: end, pauses: pauses) == 59 + 10 + 10)
        #expect(ReviewClock.activeDays(from: start, to: end, pauses: pauses) == 181 - 79)
        #expect(ReviewClock.activeDays(from: start, to: end, pauses: []) == 181)
    }

    @Test("The child death review meeting is recorded once")
    func reviewMeeting() throws {
        let command = CaseCommand.recordReviewMeetingHeld(
            meetingID: nil, heldOn: Sample.day(2026, 5, 30), draftAnalysis: "Draft analysis")
        let events = try history(CaseDecider.self, [command], from: try Story.gpRequested())
        #expect(CaseDecider.fold(events).stage == .reviewMeetingHeld)
        Given(CaseDecider.self, events).when(command).thenRejected("reviewMeeting.alreadyRecorded")
    }

    @Test("A case goes to the panel only once triaged, with no rapid response under way and nothing awaited")
    func readiness() throws {
        Given(CaseDecider.self, try Story.notified()).when(.markReadyForPanel).thenRejected("case.notTriaged")
        Given(CaseDecider.self, try Story.triagedUnexpected()).when(.markReadyForPanel).thenRejected(
            "rapidResponse.stillActive")
        let paused = try history(CaseDecider.self, [Self.awaitPM], from: try Story.gpRequested())
        Given(CaseDecider.self, paused).when(.markReadyForPanel).thenRejected("case.awaitingExternal")
        #expect(Given(CaseDecider.self, try Story.gpRequested()).when(.markReadyForPanel).state.stage == .readyForPanel)
    }

    @Test("A case is listed for a panel meeting only when ready")
    func listing() throws {
        let assign = CaseCommand.assignToPanelMeeting(
            meetingID: Sample.panelMeeting, meetingDate: Sample.day(2026, 7, 1))
        Given(CaseDecider.self, try Story.gpRequested()).when(assign).thenRejected("case.notReadyForPanel")
        let ready = try history(CaseDecider.self, [.markReadyForPanel], from: try Story.gpRequested())
        let then = Given(CaseDecider.self, ready).when(assign)
        #expect(then.state.stage == .panelScheduled)
        Given(CaseDecider.self, ready + (then.events ?? [])).when(assign).then([])
    }
}
