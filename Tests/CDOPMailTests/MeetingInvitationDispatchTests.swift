import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

@Suite("Meeting invitations through the outbox")
struct MeetingInvitationDispatchTests {
    @Test(
        "Scheduling invites each invitee with an .ics; moving the meeting sends an update to the same entry; cancelling sends METHOD:CANCEL"
    )
    func invitationsUpdatesAndCancellation() async throws {
        try await withSMTPServer { server, directory in
            let scenario = try OutboxScenario(databasePath: directory.file("cdop.sqlite").path)
            let workflow = scenario.engine.workflow
            let doctor = Actor(name: "dr.designate", role: "designatedDoctor")
            // Wednesday 28 Oct 2026 14:00 in England is 14:00 UTC (after the clocks went back).
            let start = ISO8601DateFormatter().date(from: "2026-10-28T14:00:00Z")!
            try await workflow.execute(
                .triage(expectation: .unexpected, confirmedBy: "Dr Designate", triggers: [.suddenNoApparentCause]),
                on: scenario.caseID, by: doctor)
            let meetingID = try workflow.conveneRapidResponse(
                for: scenario.caseID, scheduledFor: start,
                invitees: [
                    Invitee(name: "DS Sam Police", email: "sam.police@police.example.org", role: .police),
                    Invitee(name: "Dr Chair", email: "chair@hospital.example.nhs.uk", role: .chair),
                ], by: doctor
            ) { id in
                .schedule(
                    meetingID: id, type: .rapidResponse, title: "Rapid response meeting", startsAt: start,
                    endsAt: start.addingTimeInterval(3600), venue: MeetingVenue(place: "Room 4, Central Vale Hospital"),
                    theme: nil)
            }
            let dispatcher = scenario.dispatcher(SMTPTransport(settings: try server.settings()))
            let first = await dispatcher.dispatchAll()
            #expect(first.filter { $0.template == "meeting-invitation" }.map(\.result) == ["sent", "sent"], "\(first)")

            // Moved to Thursday: an update with the next SEQUENCE of the same UID.
            let moved = start.addingTimeInterval(86_400)
            try await workflow.execute(
                .reschedule(
                    startsAt: moved, endsAt: moved.addingTimeInterval(3600),
                    venue: MeetingVenue(place: "Room 4, Central Vale Hospital")), on: meetingID, by: doctor)
            #expect(await dispatcher.dispatchAll().map(\.result) == ["sent", "sent"])
            try await workflow.execute(.cancel(reason: "Superseded by the strategy meeting"), on: meetingID, by: doctor)
            #expect(await dispatcher.dispatchAll().map(\.result) == ["sent", "sent"])

            let files = try server.receivedFiles()
            let parsed = try await PythonCheck.parseMail(files, in: directory).filter { !$0.calendars.isEmpty }
            #expect(parsed.count == 6)
            let events = parsed.flatMap { mail in mail.calendars.map { (mail, $0.ics) } }
            let uids = Set(events.flatMap { $0.1.events.map(\.uid) })
            #expect(uids.count == 1, "one calendar entry, updated: \(uids)")
            let bySequence = Dictionary(grouping: events, by: { $0.1.events.first?.sequence ?? -1 })
            #expect(bySequence[0]?.first?.1.events.first?.dtstartUtc == "2026-10-28T14:00:00Z")
            #expect(
                bySequence[1]?.contains {
                    $0.1.method == "REQUEST" && $0.1.events.first?.dtstartUtc == "2026-10-29T14:00:00Z"
                } == true)
            // The cancellation raises the sequence again, as RFC 5546 asks, and goes to both invitees.
            #expect(bySequence[2]?.allSatisfy { $0.1.method == "CANCEL" } == true)
            #expect(parsed.filter { $0.calendars.contains { $0.ics.method == "CANCEL" } }.count == 2)
            #expect(parsed.allSatisfy { $0.defects.isEmpty })
            let sent = try scenario.engine.store.readStream(meetingID.streamID).filter {
                $0.type == "meeting.emailSent.v1"
            }
            #expect(sent.count == 6)
            // Nothing is sent twice.
            #expect(await dispatcher.dispatchAll().isEmpty)
        }
    }
}
