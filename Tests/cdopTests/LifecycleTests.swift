import Foundation
import Testing

@Suite("A case's whole life through the command line")
struct LifecycleTests {
    @Test(
        "A death is taken from notification to closure by CLI commands; every command answers JSON with its ids, and the case's timeline holds every step with the actor given by --as"
    )
    func wholeLifeInJSON() async throws {
        let cli = CLI(actor: "coord.jones")
        let notification = Fixture.path("notification.example.json")

        let first = try await cli.json("notify", notification)
        let primary = try #require(first["reference"] as? String)
        #expect(first["possibleDuplicateOf"] == nil)
        let second = try await cli.json("notify", notification)
        let duplicate = try #require(second["reference"] as? String)
        #expect(second["possibleDuplicateReference"] as? String == primary)
        #expect(second["possibleDuplicateOf"] as? String == first["caseId"] as? String)

        let confirmed = try await cli.json("duplicate", "confirm", duplicate, "--primary", primary)
        #expect(confirmed["primaryReference"] as? String == primary)
        #expect(confirmed["stage"] as? String == "duplicate")

        let gp = try await cli.json(
            "agency", "add", "--name", "Northgate Surgery", "--kind", "gp",
            "--lead", "Dr Jo Example <jo.example@northgate.example.nhs.uk> GP")
        let gpID = try #require(gp["agencyId"] as? String)
        let police = try await cli.json(
            "agency", "add", "--name", "Northam Police", "--kind", "police", "--contact",
            "DS Kim <kim@police.example.uk>")
        let policeID = try #require(police["agencyId"] as? String)
        let agencies = try await cli.run("agency", "list", "--json")
        #expect(agencies.list?.count == 2, "\(agencies)")

        let involved = try await cli.json("case", "involve", primary, "--agency", "northgate surgery")
        #expect(involved["agencyId"] as? String == gpID)
        try await cli.json(
            "case", "involve", primary, "--agency", String(policeID.prefix(8)), "--contact-name", "DC Lee",
            "--contact-email", "lee@police.example.uk")

        let triaged = try await cli.json(
            "triage", primary, "--unexpected", "--confirmed-by", "Dr Dee Signated", "--trigger", "suddenNoApparentCause"
        )
        #expect(triaged["stage"] as? String == "rapidResponseActive")

        let convened = try await cli.json(
            "rapid-response", "convene", primary, "--at", "2026-11-16T14:00:00Z", "--place", "Room 4, Northam Hospital",
            "--invitee", "DS Kim <kim@police.example.uk> police",
            "--invitee", "Dr Pat Ediatric <pat@hospital.example.nhs.uk> paediatrician")
        let rapidMeeting = try #require(convened["meetingId"] as? String)
        let meeting = try await cli.json("meeting", "show", String(rapidMeeting.prefix(8)))
        #expect((meeting["invitees"] as? [Any])?.count == 2)
        #expect((meeting["agenda"] as? [[String: Any]])?.map { $0["reference"] as? String } == [primary])
        let held = try await cli.json(
            "rapid-response", "held", primary, "--meeting", rapidMeeting, "--at", "2026-11-16T15:00:00Z")
        #expect(held["meetingId"] as? String == rapidMeeting)
        try await cli.json("rapid-response", "complete", primary, "--note", "Safeguarding plan agreed for the sibling")

        let due = daysFromToday(14)
        let formB = try await cli.json(
            "form", "request", primary, "--agency", "Northgate Surgery", "--type", "reporting", "--due", due)
        let gpRequest = try #require(formB["requestId"] as? String)
        #expect(formB["agencyId"] as? String == gpID)
        let policeForm = try await cli.json("form", "request", primary, "--agency", "Northam Police", "--due", due)
        let policeRequest = try #require(policeForm["requestId"] as? String)
        let outstanding = try await cli.run("form", "list", "--case", primary, "--outstanding", "--json")
        #expect(Set(outstanding.list?.compactMap { $0["requestId"] as? String } ?? []) == [gpRequest, policeRequest])
        #expect(outstanding.list?.first?["contactEmail"] != nil)

        try await cli.json("form", "remind", primary, String(gpRequest.prefix(6)), "--step", "1", "--kind", "reminder")
        try await cli.json(
            "form", "return", primary, String(gpRequest.prefix(8)), "--answers", Fixture.path("answers.example.json"),
            "--definition", "reporting@1", "--submitted-by", "Dr Jo Example")
        try await cli.json("form", "decline", primary, policeRequest, "--declared-by", "DC Lee")
        let stillOutstanding = try await cli.run("form", "list", "--outstanding", "--json")
        #expect(stillOutstanding.list?.isEmpty == true, "\(stillOutstanding)")

        let paused = try await cli.json(
            "review", "await", primary, "--process", "postMortem", "--reason", "Post-mortem report awaited", "--since",
            "2026-11-15")
        #expect(paused["stage"] as? String == "awaitingExternal")
        try await cli.json("review", "conclude", primary, "--process", "postMortem", "--on", "2026-11-19")
        let draft = cli.write("draft.txt", "Unsafe sleep arrangement; smoking in the household.")
        try await cli.json("review", "meeting-held", primary, "--on", "2026-11-19", "--draft-analysis", "@" + draft)
        let ready = try await cli.json("review", "ready", primary)
        #expect(ready["stage"] as? String == "readyForPanel")

        let panel = try await cli.json(
            "meeting", "schedule", "--type", "panel", "--title", "CDOP panel, November", "--starts",
            "2026-11-20T10:00:00Z",
            "--ends", "2026-11-20T13:00:00Z", "--call-link", "https://meet.example.org/cdop")
        let panelMeeting = try #require(panel["meetingId"] as? String)
        let meetings = try await cli.run("meeting", "list", "--json")
        #expect(meetings.list?.count == 2, "\(meetings)")
        let assigned = try await cli.json("review", "assign", primary, "--meeting", String(panelMeeting.prefix(8)))
        #expect(assigned["stage"] as? String == "panelScheduled")

        let outcome = try await cli.json("outcome", "record", primary, Fixture.path("outcome.example.json"))
        #expect(outcome["stage"] as? String == "panelReviewed")
        let action = try await cli.json(
            "action", "add", primary, "--text", "Safe-sleep campaign with the health visiting service", "--owner",
            "Public health", "--due", "2027-03-31")
        #expect(action["actionId"] != nil)
        try await cli.json("case", "ncmd", primary, "--reference", "NCMD-2026-0042", "--on", "2026-11-21")
        let closed = try await cli.json("case", "close", primary, "--reason", "Review complete and submitted")
        #expect(closed["stage"] as? String == "closed")
        try await cli.json(
            "action", "complete", primary, String((action["actionId"] as! String).prefix(8)), "--on", "2026-11-21")

        let shown = try await cli.json("case", "show", primary)
        #expect(shown["stage"] as? String == "closed")
        #expect(shown["reference"] as? String == primary)
        let timeline = try #require(shown["timeline"] as? [[String: Any]])
        #expect(timeline.allSatisfy { $0["who"] as? String == "coord.jones" })
        let types = timeline.compactMap { $0["type"] as? String }.map {
            $0.split(separator: ".").dropFirst().first.map(String.init) ?? $0
        }
        let expected = [
            "notificationReceived", "duplicateMerged", "agencyRecordedInvolved", "deathTriaged", "rapidResponseOpened",
            "rapidResponseConvened", "rapidResponseMeetingHeld", "rapidResponseCompleted", "formRequested",
            "formReminderIssued", "formReturned", "formDeclined", "reviewPaused", "reviewResumed", "reviewMeetingHeld",
            "markedReadyForPanel", "assignedToPanelMeeting", "panelOutcomeRecorded", "recommendationRecorded",
            "submittedToNCMD", "closed", "recommendationCompleted",
        ]
        for step in expected {
            #expect(types.contains(step), "the timeline lacks \(step): \(types)")
        }
        #expect(timeline.allSatisfy { ($0["what"] as? String)?.isEmpty == false && $0["at"] != nil })

        let list = try await cli.run("case", "list", "--json")
        let stages = Dictionary(
            uniqueKeysWithValues: (list.list ?? []).map { ($0["reference"] as! String, $0["stage"] as! String) })
        #expect(stages == [primary: "closed", duplicate: "duplicate"])
    }
}
