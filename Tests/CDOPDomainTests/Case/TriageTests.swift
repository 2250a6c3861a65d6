import Foundation
import Testing

@testable import CDOPDomain

@Suite("Triage and the Joint Agency Response")
struct TriageTests {
    @Test("An unexpected death confirmed by the designated doctor opens a rapid response")
    func unexpectedOpens() throws {
        let then = Given(CaseDecider.self, try Story.notified()).when(Sample.triageUnexpected)
        then.then([
            .deathTriaged(
                DeathTriaged(
                    expectation: .unexpected, confirmedBy: "Dr Pat Designate", triggers: [.suddenNoApparentCause],
                    at: Sample.now)),
            .rapidResponseOpened(
                RapidResponseOpened(unexpected: true, triggers: [.suddenNoApparentCause], at: Sample.now)),
        ])
        #expect(then.state.stage == .rapidResponseActive)
    }

    @Test("An expected death with no trigger opens no rapid response")
    func expectedNoResponse() throws {
        let then = Given(CaseDecider.self, try Story.notified()).when(Sample.triageExpected)
        #expect(then.events?.count == 1)
        #expect(then.state.rapidResponse == nil)
        #expect(then.state.stage == .triaged)
    }

    @Test("Any trigger opens a rapid response even for an expected death", arguments: JARTrigger.allCases)
    func triggerOpens(_ trigger: JARTrigger) throws {
        let then = Given(CaseDecider.self, try Story.notified())
            .when(.triage(expectation: .expected, confirmedBy: "Dr Pat Designate", triggers: [trigger]))
        #expect(then.state.rapidResponse?.triggers == [trigger])
    }

    @Test("Triage must say expected or unexpected, and name the doctor")
    func triageNeedsAnswer() throws {
        let given = Given(CaseDecider.self, try Story.notified())
        given.when(.triage(expectation: .notKnown, confirmedBy: "Dr Pat Designate", triggers: [])).thenRejected(
            "triage.expectationNotKnown")
        given.when(.triage(expectation: .expected, confirmedBy: " ", triggers: [])).thenRejected("triage.doctorMissing")
    }

    @Test("Repeating the same triage records nothing new")
    func repeatTriage() throws {
        Given(CaseDecider.self, try Story.triagedUnexpected()).when(Sample.triageUnexpected).then([])
    }

    @Test("The rapid-response meeting is convened, held and timed for the report")
    func meetingHeld() throws {
        let heldAt = Sample.now.addingTimeInterval(-3600)
        let events = try history(
            CaseDecider.self,
            [
                .conveneRapidResponse(meetingID: Sample.jarMeeting, scheduledFor: heldAt),
                .recordRapidResponseMeetingHeld(meetingID: Sample.jarMeeting, heldAt: heldAt),
            ], from: try Story.triagedUnexpected())
        let state = CaseDecider.fold(events)
        #expect(state.rapidResponse?.meetings == [Sample.jarMeeting])
        #expect(state.rapidResponse?.firstMeetingHeldAt == heldAt)
        Given(CaseDecider.self, events).when(
            .recordRapidResponseMeetingHeld(meetingID: Sample.jarMeeting, heldAt: heldAt)
        ).then([])
    }

    @Test("A rapid-response meeting that was not convened cannot be recorded as held")
    func heldNotConvened() throws {
        Given(CaseDecider.self, try Story.triagedUnexpected())
            .when(.recordRapidResponseMeetingHeld(meetingID: Sample.jarMeeting, heldAt: Sample.now))
            .thenRejected("rapidResponse.meetingNotConvened")
    }

    @Test("A rapid-response meeting cannot be recorded as held in the future")
    func heldInFuture() throws {
        let events = try history(
            CaseDecider.self, [.conveneRapidResponse(meetingID: Sample.jarMeeting, scheduledFor: Sample.now)],
            from: try Story.triagedUnexpected())
        Given(CaseDecider.self, events)
            .when(
                .recordRapidResponseMeetingHeld(
                    meetingID: Sample.jarMeeting, heldAt: Sample.now.addingTimeInterval(86_400))
            )
            .thenRejected("input.dateInFuture")
    }

    @Test("A rapid response can be convened only when one is open")
    func conveneWithoutResponse() throws {
        Given(CaseDecider.self, try Story.triagedExpected())
            .when(.conveneRapidResponse(meetingID: Sample.jarMeeting, scheduledFor: Sample.now))
            .thenRejected("rapidResponse.notOpen")
    }

    @Test("Completing the rapid response moves the case to information gathering; it cannot complete twice")
    func complete() throws {
        let then = Given(CaseDecider.self, try Story.triagedUnexpected()).when(
            .completeRapidResponse(note: "Actions agreed"))
        #expect(then.state.stage == .informationGathering)
        Given(CaseDecider.self, try Story.triagedUnexpected() + (then.events ?? []))
            .when(.completeRapidResponse(note: "")).thenRejected("rapidResponse.completed")
    }
}
