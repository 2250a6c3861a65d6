import Foundation
import Testing

@testable import CDOPDomain

@Suite("Meetings")
struct MeetingTests {
    @Test("A meeting is scheduled with a time, a place or call link, invitees with roles and cases on the agenda")
    func schedules() throws {
        let state = MeetingDecider.fold(try MeetingStory.scheduled())
        #expect(state.type == .rapidResponse)
        #expect(state.sequence == 0)
        #expect(state.invitees.map(\.role) == [.police, .paediatrician])
        #expect(state.agenda == [Sample.caseID])
    }

    @Test("A meeting needs a place or link, a valid link, and an end after its start")
    func scheduleChecks() {
        let given = Given(MeetingDecider.self, [])
        given.when(
            .schedule(
                meetingID: Sample.jarMeeting, type: .panel, title: "Panel", startsAt: MeetingStory.start,
                endsAt: MeetingStory.start.addingTimeInterval(3600), venue: MeetingVenue(), theme: nil)
        )
        .thenRejected("meeting.venueMissing")
        given.when(
            .schedule(
                meetingID: Sample.jarMeeting, type: .panel, title: "Panel", startsAt: MeetingStory.start,
                endsAt: MeetingStory.start.addingTimeInterval(3600), venue: MeetingVenue(callLink: "meet.example.org"),
                theme: nil)
        )
        .thenRejected("meeting.callLinkInvalid")
        given.when(
            .schedule(
                meetingID: Sample.jarMeeting, type: .panel, title: "Panel", startsAt: MeetingStory.start,
                endsAt: MeetingStory.start,
                venue: MeetingVenue(place: "Room 1"), theme: nil)
        )
        .thenRejected("meeting.endsBeforeStart")
        given.when(.invite(MeetingStory.police)).thenRejected("meeting.notFound")
    }

    @Test("Each reschedule raises the sequence number so calendars update the same meeting")
    func reschedule() throws {
        let venue = MeetingVenue(place: "Room 4, Northshire Hospital", callLink: "https://meet.example.org/abc")
        let events = try history(
            MeetingDecider.self,
            [
                .reschedule(
                    startsAt: MeetingStory.start.addingTimeInterval(86_400),
                    endsAt: MeetingStory.start.addingTimeInterval(90_000),
                    venue: venue),
                .reschedule(
                    startsAt: MeetingStory.start.addingTimeInterval(2 * 86_400),
                    endsAt: MeetingStory.start.addingTimeInterval(2 * 86_400 + 3600), venue: venue),
            ], from: try MeetingStory.scheduled())
        let state = MeetingDecider.fold(events)
        #expect(state.sequence == 2)
        #expect(state.startsAt == MeetingStory.start.addingTimeInterval(2 * 86_400))
        Given(MeetingDecider.self, events).when(
            .reschedule(startsAt: state.startsAt!, endsAt: state.endsAt!, venue: venue)
        ).then([])
    }

    @Test("Someone is invited once")
    func inviteOnce() throws {
        Given(MeetingDecider.self, try MeetingStory.scheduled()).when(.invite(MeetingStory.police)).thenRejected(
            "meeting.alreadyInvited")
    }

    @Test(
        "An invitee's name that could never be mailed (a line break, a quote, an angle bracket, an @) is refused, naming the field",
        arguments: [
            "Robin\r\nBcc: x@example.org", "Robin\nOfficer", "\"x\" <y@example.org>, z", "Robin <robin>",
            "robin@police", "Robin\u{2028}Officer",
        ])
    func inviteeNameThatCannotBeMailed(name: String) throws {
        let invitee = Invitee(name: name, email: "robin.officer@police.example.org", role: .police)
        let error = Given(MeetingDecider.self, try history(MeetingDecider.self, [MeetingStory.schedule])).when(
            .invite(invitee)
        )
        .thenRejected("input.invalidName")
        #expect(error?.description.hasPrefix("The invitee's name (") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("\n") == false && error?.description.contains("\r") == false)
    }

    @Test(
        "Names with accents, apostrophes, hyphens and initials are invited",
        arguments: ["Siobhán Ní Bhriain", "O'Brien", "Smith-Jones", "Dr A. Khan"])
    func ordinaryNamesAreInvited(name: String) throws {
        let invitee = Invitee(name: " \(name) ", email: "someone@example.org", role: .other)
        let then = Given(MeetingDecider.self, try history(MeetingDecider.self, [MeetingStory.schedule])).when(
            .invite(invitee))
        #expect(then.state.invitees.map(\.name) == [name])
    }

    @Test("A held meeting cannot be cancelled or changed")
    func cannotCancelHeld() throws {
        let given = Given(MeetingDecider.self, try MeetingStory.held())
        let error = given.when(.cancel(reason: "No longer needed")).thenRejected("meeting.alreadyHeld")
        #expect(error?.description.contains("cannot be changed or cancelled") == true)
        given.when(.invite(Invitee(name: "Late", email: "late@example.org", role: .other))).thenRejected(
            "meeting.alreadyHeld")
    }

    @Test("Cancelling raises the sequence and ends the meeting")
    func cancel() throws {
        let events = try history(
            MeetingDecider.self, [.cancel(reason: "Family request")], from: try MeetingStory.scheduled())
        let state = MeetingDecider.fold(events)
        #expect(state.isCancelled)
        #expect(state.sequence == 1)
        Given(MeetingDecider.self, events).when(.recordHeld(attendance: [])).thenRejected("meeting.cancelled")
        Given(MeetingDecider.self, events).when(.cancel(reason: "again")).thenRejected("meeting.cancelled")
    }

    @Test("Attendance is recorded for every invitee once the meeting has started")
    func attendance() throws {
        Given(MeetingDecider.self, try MeetingStory.scheduled()).when(.recordHeld(attendance: [])).thenRejected(
            "meeting.notYetStarted")
        let state = MeetingDecider.fold(try MeetingStory.held())
        #expect(
            state.attendance == [
                AttendanceRecord(email: "robin.officer@police.example.org", status: .attended),
                AttendanceRecord(email: "ash.oncall@hospital.example.org", status: .notRecorded),
            ])
        Given(MeetingDecider.self, try MeetingStory.scheduled(), context: Sample.context(plusDays: 3))
            .when(.recordHeld(attendance: [AttendanceRecord(email: "stranger@example.org", status: .attended)]))
            .thenRejected("meeting.notInvited")
    }

    @Test("Actions need an owner and a due date, and are completed once")
    func actions() throws {
        let given = Given(MeetingDecider.self, try MeetingStory.held(), context: Sample.context(plusDays: 3))
        given.when(
            .agreeAction(
                actionID: Sample.action1, description: "Home visit", owner: "", dueDate: Sample.day(2026, 6, 10),
                caseID: Sample.caseID)
        )
        .thenRejected("action.ownerMissing")
        given.when(
            .agreeAction(
                actionID: Sample.action1, description: "Home visit", owner: "Police", dueDate: nil,
                caseID: Sample.caseID)
        )
        .thenRejected("action.dueDateMissing")
        let events = try history(
            MeetingDecider.self,
            [
                .agreeAction(
                    actionID: Sample.action1, description: "Home visit", owner: "Police",
                    dueDate: Sample.day(2026, 6, 10), caseID: Sample.caseID),
                .completeAction(actionID: Sample.action1, completedOn: Sample.day(2026, 6, 4), note: "Done"),
            ], context: Sample.context(plusDays: 3), from: try MeetingStory.held())
        #expect(MeetingDecider.fold(events).actions.first?.isOpen == false)
        Given(MeetingDecider.self, events, context: Sample.context(plusDays: 3))
            .when(.completeAction(actionID: Sample.action1, completedOn: Sample.day(2026, 6, 4), note: ""))
            .thenRejected("action.alreadyCompleted")
    }

    @Test("Minutes and actions come after the meeting is held; minutes revisions are numbered")
    func minutes() throws {
        Given(MeetingDecider.self, try MeetingStory.scheduled()).when(.recordMinutes(text: "Minutes")).thenRejected(
            "meeting.notHeld")
        let events = try history(
            MeetingDecider.self, [.recordMinutes(text: "Draft"), .recordMinutes(text: "Final")],
            from: try MeetingStory.held())
        let state = MeetingDecider.fold(events)
        #expect(state.minutes == "Final")
        #expect(state.minutesRevision == 2)
    }

    @Test("A case comes off the agenda only if it was on it")
    func agenda() throws {
        Given(MeetingDecider.self, try MeetingStory.scheduled()).when(.removeCaseFromAgenda(Sample.otherCaseID))
            .thenRejected(
                "meeting.caseNotOnAgenda")
        Given(MeetingDecider.self, try MeetingStory.scheduled()).when(.addCaseToAgenda(Sample.caseID)).then([])
    }
}
