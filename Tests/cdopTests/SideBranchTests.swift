import Foundation
import Testing

@Suite("Meetings, the directory and the side branches of a case")
struct SideBranchTests {
    @Test(
        "A meeting is scheduled, its invitees and agenda changed, moved, held, minuted and its actions tracked, each command answering JSON"
    )
    func meetingLife() async throws {
        let cli = CLI()
        let reference = try #require(
            try await cli.json("notify", Fixture.path("notification.example.json"))["reference"] as? String)
        let scheduled = try await cli.json(
            "meeting", "schedule", "--type", "childDeathReview", "--title", "CDRM for the Northam case",
            "--starts", "2026-11-18T14:00:00Z", "--ends", "2026-11-18T15:30:00Z", "--place", "Seminar room 2",
            "--invitee", "Dr Pat Ediatric <pat@hospital.example.nhs.uk> paediatrician")
        let meeting = String(try #require(scheduled["meetingId"] as? String).prefix(8))
        try await cli.json(
            "meeting", "invite", meeting, "--invitee", "Chris Visitor <chris@hv.example.nhs.uk> healthVisitor",
            "--invitee", "Sam Social <sam@council.example.gov.uk> childrensSocialCare")
        try await cli.json("meeting", "uninvite", meeting, "--email", "sam@council.example.gov.uk")
        let added = try await cli.json("meeting", "agenda", meeting, "--add", reference)
        #expect(added["reference"] as? String == reference)
        // A meeting recorded after the fact cannot be moved to another time already past.
        let moved = try await cli.run("meeting", "reschedule", meeting, "--starts", "2026-11-19T14:00:00Z", "--json")
        #expect(moved.status == 1 && moved.field("error") == "meeting.startInPast", "\(moved)")
        try await cli.json(
            "meeting", "held", meeting, "--attended", "pat@hospital.example.nhs.uk", "--apologies",
            "chris@hv.example.nhs.uk")
        try await cli.json("meeting", "minutes", meeting, "--text", "Draft analysis agreed.")
        let action = try await cli.json(
            "meeting", "action", meeting, "--text", "Send the draft analysis to the panel", "--owner", "Coordinator",
            "--due", daysFromToday(7), "--case", reference)
        let actionID = try #require(action["actionId"] as? String)
        try await cli.json(
            "meeting", "action-done", meeting, String(actionID.prefix(8)), "--on", "2026-11-21", "--note", "Sent")
        try await cli.json(
            "review", "meeting-held", reference, "--on", "2026-11-19", "--draft-analysis", "Agreed", "--meeting",
            meeting)

        let shown = try await cli.json("meeting", "show", meeting)
        #expect(shown["status"] as? String == "held")
        #expect(shown["minutes"] as? String == "Draft analysis agreed.")
        let attendance = try #require(shown["attendance"] as? [[String: Any]])
        #expect(attendance.map { $0["status"] as? String } == ["attended", "sentApologies"])
        let actions = try #require(shown["actions"] as? [[String: Any]])
        #expect(actions.first?["completedOn"] as? String == "2026-11-21")
        #expect(actions.first?["caseReference"] as? String == reference)
        #expect(shown["sequence"] as? Int == 0, "not moved")

        let cancelled = try await cli.run("meeting", "cancel", meeting, "--reason", "Too late", "--json")
        #expect(cancelled.status == 1)
        #expect(cancelled.field("error") == "meeting.alreadyHeld", "\(cancelled)")

        let other = try await cli.json(
            "meeting", "schedule", "--type", "panel", "--title", "Panel", "--starts", "2027-01-10T10:00:00Z",
            "--ends", "2027-01-10T12:00:00Z", "--place", "Town Hall")
        try await cli.json("meeting", "cancel", other["meetingId"] as! String, "--reason", "Moved to February")
        let panels = try await cli.run("meeting", "list", "--type", "panel", "--json")
        #expect(panels.list?.first?["status"] as? String == "cancelled", "\(panels)")
    }

    @Test(
        "Agencies are updated and retired; a retired agency cannot be involved; requests are escalated and waived; cases go out of scope, are transferred, referred and reopened"
    )
    func directoryAndBranches() async throws {
        let cli = CLI()
        let notification = Fixture.path("notification.example.json")
        let school = try await cli.json(
            "agency", "add", "--name", "Northtown School", "--kind", "school", "--lead",
            "Head <head@school.example.org>")
        let schoolID = try #require(school["agencyId"] as? String)
        let updated = try await cli.json(
            "agency", "update", "Northtown School", "--name", "Northtown Primary School",
            "--lead", "Deputy Head <deputy@school.example.org> safeguarding lead")
        #expect(updated["changed"] as? Bool == true)
        let shown = try await cli.json("agency", "show", String(schoolID.prefix(8)))
        #expect(shown["name"] as? String == "Northtown Primary School")
        #expect(shown["leadEmail"] as? String == "deputy@school.example.org")
        let unchanged = try await cli.json("agency", "update", schoolID)
        #expect(unchanged["changed"] as? Bool == false)

        let first = try #require(try await cli.json("notify", notification)["reference"] as? String)
        try await cli.json("case", "involve", first, "--agency", "Northtown Primary School")
        let request = try #require(
            try await cli.json("form", "request", first, "--agency", schoolID, "--due", daysFromToday(10))["requestId"]
                as? String)
        try await cli.json("form", "escalate", first, request, "--level", "coordinator")
        let requests = try await cli.run("form", "list", "--case", first, "--json")
        #expect(requests.list?.first?["escalation"] as? String == "the coordinator", "\(requests)")
        try await cli.json("form", "waive", first, request, "--reason", "The school closed")
        let referred = try await cli.json(
            "case", "refer-cspr", first, "--reason", "Concerns of neglect", "--on", "2026-11-20")
        #expect(referred["reference"] as? String == first)

        try await cli.json("agency", "retire", "Northtown Primary School", "--reason", "Closed")
        let second = try #require(try await cli.json("notify", notification)["reference"] as? String)
        try await cli.json("duplicate", "reject", second, "--reason", "Twin")
        let retired = try await cli.run("case", "involve", second, "--agency", schoolID, "--json")
        #expect(retired.status == 1)
        #expect(retired.field("error") == "agency.retired", "\(retired)")
        let outOfScope = try await cli.json(
            "case", "out-of-scope", second, "--reason", "notInPanelArea", "--detail", "Lived and died in Westshire")
        #expect(outOfScope["stage"] as? String == "outOfScope")
        let transferred = try await cli.json(
            "case", "transfer", second, "--to-panel", "Westshire CDOP", "--reason", "Resident there")
        #expect(transferred["stage"] as? String == "transferred")

        let reopen = try await cli.run("case", "reopen", first, "--reason", "New information", "--json")
        #expect(reopen.status == 1)
        #expect(reopen.field("error") == "case.notClosed", "\(reopen)")
    }
}
