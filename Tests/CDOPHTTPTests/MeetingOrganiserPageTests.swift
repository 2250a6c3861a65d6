import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPProjections
import CDOPStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The organiser's work on a meeting's page (invitations, cancelling, the agenda and its outstanding forms, the
/// agenda pack) and the designated doctor's on the rapid-response page (the meeting held reaching the case,
/// completing the Joint Agency Response, re-triaging it as expected).
@Suite("Organising meetings and the rapid response on the pages")
struct MeetingOrganiserPageTests {
    static let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
    static let doctor = Actor(name: "dana.doctor", role: "designated-doctor")

    /// A case notified in NTH, triaged as unexpected: its Joint Agency Response is open.
    static func openResponse(_ fixture: inout WebFixture) throws -> CaseID {
        let caseID = try fixture.notifiedCase(in: "NTH")
        try fixture.engine.workflow.execute(
            .triage(expectation: .unexpected, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID, by: doctor)
        return caseID
    }

    @Test("An organiser invites someone on the meeting page, and withdraws the invitation")
    func inviteAndUninvite() async throws {
        let fixture = try await WebFixture()
        let users = fixture.usernames
        let meetingID = try fixture.panelMeeting(with: [])
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let page = String(buffer: try await browser.get("/meetings/\(meetingID)").body)
            #expect(page.contains("Invite someone") && page.contains("Withdraw the invitation to Pat Panel"))
            let refused = try await browser.post(
                "/meetings/\(meetingID)/invitees", [("invitee-name", "Jo\"Bad"), ("invitee-email", "jo@example.org")],
                csrf: csrf)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains(#"id="invitee-name-error""#))
            let invited = try await browser.post(
                "/meetings/\(meetingID)/invitees",
                [
                    ("invitee-name", "Robin Officer"), ("invitee-email", "robin@police.example.org"),
                    ("invitee-role", "police"),
                ], csrf: csrf)
            #expect(invited.status == .seeOther)
            let staff = try await browser.post(
                "/meetings/\(meetingID)/invitees", [("invitee-staff", users[.designatedDoctor]!)], csrf: csrf)
            #expect(staff.status == .seeOther)
            let withdrawn = try await browser.post(
                "/meetings/\(meetingID)/invitees/withdraw", [("email", "pat@example.org")], csrf: csrf)
            #expect(withdrawn.status == .seeOther)
        }
        let state = try fixture.engine.workflow.meetingState(meetingID)
        #expect(state.invitees.map(\.role) == [.police, .designatedDoctor])
    }

    @Test("Cancelling a meeting asks for a reason and a confirmation, then tells every invitee")
    func cancel() async throws {
        let fixture = try await WebFixture()
        let meetingID = try fixture.panelMeeting(with: [])
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let unconfirmed = try await browser.post(
                "/meetings/\(meetingID)/cancel", [("cancel-reason", "Chair unwell")], csrf: csrf)
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(String(buffer: unconfirmed.body).contains(#"id="cancel-confirm-error""#))
            let noReason = try await browser.post(
                "/meetings/\(meetingID)/cancel", [("cancel-confirm", "yes")], csrf: csrf)
            #expect(String(buffer: noReason.body).contains(#"id="cancel-reason-error""#))
            #expect(!(try fixture.engine.workflow.meetingState(meetingID).isCancelled))
            let done = try await browser.post(
                "/meetings/\(meetingID)/cancel", [("cancel-reason", "Chair unwell"), ("cancel-confirm", "yes")],
                csrf: csrf)
            #expect(done.status == .seeOther)
        }
        let state = try fixture.engine.workflow.meetingState(meetingID)
        #expect(state.cancellationReason == "Chair unwell")
        #expect(state.outboxEmails.contains { $0.id == "cancellation:" + MeetingState.emailKey("pat@example.org") })
    }

    @Test("A meeting is not moved into the past, and a call link that is not a web address is refused beside its field")
    func pastAndCallLink() async throws {
        let fixture = try await WebFixture()
        let meetingID = try fixture.panelMeeting(with: [])
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let moved = try await browser.post(
                "/meetings/\(meetingID)/reschedule", [("starts", "2026-05-20T10:00")], csrf: csrf)
            #expect(moved.status == .unprocessableContent)
            let html = String(buffer: moved.body)
            #expect(html.contains(#"id="starts-error""#) && html.contains("is in the past"), "\(html)")
            let scheduled = try await browser.post(
                "/meetings",
                [
                    ("type", "panel"), ("title", "July panel"), ("starts", "2026-07-01T10:00"), ("duration", "120"),
                    ("call-link", "javascript:alert(1)"),
                ], csrf: csrf)
            #expect(scheduled.status == .unprocessableContent)
            let schedule = String(buffer: scheduled.body)
            #expect(
                schedule.contains(#"id="call-link-error""#) && schedule.contains("must be a web address"), "\(schedule)"
            )
        }
    }

    @Test(
        "A listed case with forms outstanding is flagged on the agenda; the chair waives them there, the coordinator takes it off"
    )
    func outstandingFormsOnTheAgenda() async throws {
        var fixture = try await WebFixture()
        let users = fixture.usernames
        let (caseID, meetingID) = try fixture.caseListedForPanel(in: "NTH")
        let agency = AgencyID(UUID())
        try await fixture.engine.workflow.execute(
            .register(
                agencyID: agency, name: "Northgate Surgery", kind: .gp,
                contacts: [AgencyContact(name: "Jo Lead", email: "jo@northgate.example.org", isLead: true)]),
            on: agency, by: Self.coordinator)
        try fixture.engine.workflow.requestForm(
            on: caseID, from: try fixture.engine.workflow.agencyState(agency), formType: .reporting, contactEmail: nil,
            dueDate: CalendarDate(year: 2026, month: 6, day: 20)!, by: Self.coordinator)
        let requestID = try #require(try fixture.engine.workflow.caseState(caseID).outstandingRequests.first?.id)
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let page = String(buffer: try await browser.get("/meetings/\(meetingID)").body)
            #expect(page.contains("Forms still outstanding from Northgate Surgery"), "\(page)")
            // The chair waives at the panel: a panel member.
            var chair = Browser(browser.client)
            let chairCSRF = try await chair.signIn(users[.panelMember]!)
            #expect(
                String(buffer: try await chair.get("/meetings/\(meetingID)").body).contains("Waive Northgate Surgery"))
            let noReason = try await chair.post(
                "/meetings/\(meetingID)/agenda/waive",
                [("case", caseID.description), ("request", requestID.description)], csrf: chairCSRF)
            #expect(String(buffer: noReason.body).contains(#"id="waive-\#(requestID)-error""#))
            let waived = try await chair.post(
                "/meetings/\(meetingID)/agenda/waive",
                [
                    ("case", caseID.description), ("request", requestID.description),
                    ("reason", "The surgery had no contact"),
                ],
                csrf: chairCSRF)
            #expect(waived.status == .seeOther)
            #expect(
                !String(buffer: try await browser.get("/meetings/\(meetingID)").body).contains(
                    "Forms still outstanding"))
            let pack = String(buffer: try await browser.get("/meetings/\(meetingID)/pack").body)
            #expect(pack.contains(caseID.reference) && !pack.contains("Testchild"), "pseudonymised: \(pack)")
            let removed = try await browser.post(
                "/meetings/\(meetingID)/agenda/remove", [("case", caseID.description)], csrf: csrf)
            #expect(removed.status == .seeOther)
        }
        #expect(try fixture.engine.workflow.caseState(caseID).outstandingRequests.isEmpty)
        #expect(try fixture.engine.workflow.meetingState(meetingID).agenda.isEmpty)
    }

    @Test(
        "Recording a rapid-response meeting held on its page marks it held on the case, stops its targets and counts in the report"
    )
    func heldReachesTheCase() async throws {
        var fixture = try await WebFixture()
        let caseID = try Self.openResponse(&fixture)
        let workflow = fixture.engine.workflow
        let start = fixture.clock.now().addingTimeInterval(3600)
        let meetingID = try workflow.conveneRapidResponse(
            for: caseID, scheduledFor: start,
            invitees: [Invitee(name: "Robin Officer", email: "robin@police.example.org", role: .police)],
            by: Self.doctor
        ) { id in
            .schedule(
                meetingID: id, type: .rapidResponse, title: "Rapid-response meeting", startsAt: start,
                endsAt: start.addingTimeInterval(3600), venue: MeetingVenue(place: "Room 4"), theme: nil)
        }
        let pendingBefore = try await fixture.engine.sqliteStore!.read { db in
            try TimerQueries.pending(caseID: caseID, in: db)
        }
        #expect(pendingBefore.contains { $0.scheduleID == "rapid-response" })
        fixture.clock.advance(hours: 2)
        try await fixture.browse(as: .designatedDoctor) { browser, csrf in
            let rapid = String(buffer: try await browser.get("/cases/\(caseID)/rapid-response").body)
            #expect(!rapid.contains("Convene the meeting"), "convened once, not offered again")
            let before = String(buffer: try await browser.get("/meetings/\(meetingID)").body)
            #expect(before.contains("Record that the meeting was held"))
            let held = try await browser.post("/meetings/\(meetingID)/held", [("attendance-0", "attended")], csrf: csrf)
            #expect(held.status == .seeOther)
            let after = String(buffer: try await browser.get("/cases/\(caseID)/rapid-response").body)
            #expect(after.contains("(held)"))
            let meeting = String(buffer: try await browser.get("/meetings/\(meetingID)").body)
            #expect(
                !meeting.contains("Record that the meeting was held"), "a held meeting is not offered to be held again")
            #expect(meeting.contains("Attended"), "attendance is shown as recorded")
        }
        let state = try workflow.caseState(caseID)
        #expect(state.rapidResponse?.held[meetingID] != nil)
        let pending = try await fixture.engine.sqliteStore!.read { db in
            try TimerQueries.pending(caseID: caseID, in: db)
        }
        #expect(!pending.contains { $0.scheduleID == "rapid-response" }, "\(pending)")
        let days = try await fixture.engine.sqliteStore!.read { db in
            try Int.fetchOne(
                db, sql: "SELECT rapid_response_days FROM report_facts WHERE case_id = ?",
                arguments: [caseID.description])
        }
        #expect(days == 2, "died 30 May, meeting held 1 June: not \"No meeting recorded\"")
    }

    @Test(
        "The designated doctor completes the Joint Agency Response on its page, and the case can then go to the panel")
    func completeOnThePage() async throws {
        var fixture = try await WebFixture()
        let caseID = try Self.openResponse(&fixture)
        try await fixture.browse(as: .designatedDoctor) { browser, csrf in
            let retriage = try await browser.post("/cases/\(caseID)/triage", [("expectation", "expected")], csrf: csrf)
            #expect(retriage.status == .unprocessableContent)
            let html = String(buffer: retriage.body)
            #expect(html.contains(#"id="retriage-reason-error""#) && html.contains(#"id="retriage-confirm-error""#))
            let done = try await browser.post(
                "/cases/\(caseID)/rapid-response/complete", [("note", "Safeguarding actions complete")], csrf: csrf)
            #expect(done.status == .seeOther)
        }
        #expect(try fixture.engine.workflow.caseState(caseID).rapidResponse?.isActive == false)
        try await fixture.engine.workflow.execute(.markReadyForPanel, on: caseID, by: Self.coordinator)
        #expect(try fixture.engine.workflow.caseState(caseID).readyForPanelAt != nil)
    }

    @Test("A Joint Agency Response completed through the API lets the coordinator mark the case ready on its page")
    func completeThroughTheAPIThenReady() async throws {
        var fixture = try await WebFixture()
        let users = fixture.usernames
        let caseID = try Self.openResponse(&fixture)
        try await fixture.application.test(.router) { client in
            let (doctor, doctorCSRF) = try await Browser.signedInToTheAPI(client, users[.designatedDoctor]!)
            let completed = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/commands", try JSONAPI.body(["command": "complete-rapid-response"]),
                cookies: doctor.cookieHeader, csrf: doctorCSRF)
            #expect(completed.status == .ok, "\(String(buffer: completed.body))")
            var coordinator = Browser(client)
            let csrf = try await coordinator.signIn(users[.coordinator]!)
            let ready = try await coordinator.post(
                "/cases/\(caseID)/commands", [("command", "ready-for-panel")], csrf: csrf)
            #expect(ready.status == .seeOther, "\(String(buffer: ready.body))")
        }
        #expect(try fixture.engine.workflow.caseState(caseID).readyForPanelAt != nil)
    }

    @Test(
        "Re-triaging an open Joint Agency Response as expected, confirmed with a reason, completes it with that reason")
    func retriageAsExpected() async throws {
        var fixture = try await WebFixture()
        let caseID = try Self.openResponse(&fixture)
        try await fixture.browse(as: .designatedDoctor) { browser, csrf in
            let response = try await browser.post(
                "/cases/\(caseID)/triage",
                [
                    ("expectation", "expected"), ("retriage-reason", "Known life-limiting condition"),
                    ("retriage-confirm", "yes"),
                ], csrf: csrf)
            #expect(response.status == .seeOther)
        }
        let state = try fixture.engine.workflow.caseState(caseID)
        #expect(state.triage?.expectation == .expected && state.rapidResponse?.isActive == false)
    }

    @Test(
        "A paused case whose Joint Agency Response is under way stays on the in-progress list, saying what it waits for"
    )
    func pausedResponseListed() async throws {
        var fixture = try await WebFixture()
        let caseID = try Self.openResponse(&fixture)
        let workflow = fixture.engine.workflow
        try await workflow.execute(
            .awaitExternalProcess(
                process: .postMortem, reason: "Report awaited", since: CalendarDate(year: 2026, month: 5, day: 31)!),
            on: caseID, by: Self.coordinator)
        try await fixture.browse(as: .designatedDoctor) { browser, _ in
            let page = String(buffer: try await browser.get("/rapid-responses").body)
            #expect(
                page.contains(caseID.reference) && page.contains("Paused: awaiting the post-mortem report"), "\(page)")
        }
    }

    @Test("The agenda pack of a meeting shared between areas holds only the reader's areas' cases")
    func packRespectsAreas() async throws {
        var fixture = try await WebFixture()
        let northCase = try fixture.notifiedCase(in: "NTH", surname: "Northchild")
        let southCase = try fixture.notifiedCase(in: "STH", surname: "Southchild")
        let meetingID = try fixture.panelMeeting(with: [northCase, southCase])
        let south = try fixture.addLimitedUser(.panelMember, areas: ["STH"])
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(south)
            let pack = String(buffer: try await browser.get("/meetings/\(meetingID)/pack").body)
            #expect(pack.contains(southCase.reference) && !pack.contains(northCase.reference))
            #expect(!pack.contains("Southchild"), "pseudonymised")
        }
    }

    @Test("The rapid-response page shows the meeting at its current time after a move")
    func movedMeetingTime() async throws {
        var fixture = try await WebFixture()
        let caseID = try Self.openResponse(&fixture)
        let workflow = fixture.engine.workflow
        let start = fixture.clock.now().addingTimeInterval(86_400)
        let meetingID = try workflow.conveneRapidResponse(for: caseID, scheduledFor: start, by: Self.doctor) { id in
            .schedule(
                meetingID: id, type: .rapidResponse, title: "Rapid-response meeting", startsAt: start,
                endsAt: start.addingTimeInterval(3600), venue: MeetingVenue(place: "Room 4"), theme: nil)
        }
        let moved = start.addingTimeInterval(86_400)
        try await workflow.execute(
            .reschedule(startsAt: moved, endsAt: moved.addingTimeInterval(3600), venue: MeetingVenue(place: "Room 4")),
            on: meetingID,
            by: Self.doctor)
        try await fixture.browse(as: .designatedDoctor) { browser, _ in
            let page = String(buffer: try await browser.get("/cases/\(caseID)/rapid-response").body)
            #expect(page.contains("Meeting on \(DayFormatter.dayAndTime(moved))"), "\(page)")
            #expect(!page.contains(DayFormatter.dayAndTime(start)))
        }
    }

    @Test("An agency's details are changed and the agency retired on its page")
    func agencyEditAndRetire() async throws {
        let fixture = try await WebFixture()
        let agency = AgencyID(UUID())
        try await fixture.engine.workflow.execute(
            .register(
                agencyID: agency, name: "Northgate Surgery", kind: .gp,
                contacts: [AgencyContact(name: "Jo Lead", email: "jo@northgate.example.org", isLead: true)]),
            on: agency, by: Self.coordinator)
        try await fixture.browse(as: .coordinator) { browser, csrf in
            #expect(String(buffer: try await browser.get("/agencies").body).contains("/agencies/\(agency)"))
            let bad = try await browser.post(
                "/agencies/\(agency)",
                [
                    ("name", "Northgate Medical Practice"), ("kind", "gp"), ("contact-name", "Sam New"),
                    ("contact-email", "nope"),
                ],
                csrf: csrf)
            #expect(String(buffer: bad.body).contains(#"id="contact-email-error""#))
            let saved = try await browser.post(
                "/agencies/\(agency)",
                [
                    ("name", "Northgate Medical Practice"), ("kind", "gp"), ("contact-name", "Sam New"),
                    ("contact-email", "sam@northgate.example.org"),
                ],
                csrf: csrf)
            #expect(saved.status == .seeOther)
            let unconfirmed = try await browser.post("/agencies/\(agency)/retire", [("reason", "Merged")], csrf: csrf)
            #expect(String(buffer: unconfirmed.body).contains(#"id="confirm-error""#))
            let retired = try await browser.post(
                "/agencies/\(agency)/retire", [("reason", "Merged"), ("confirm", "yes")], csrf: csrf)
            #expect(retired.status == .seeOther)
        }
        let state = try fixture.engine.workflow.agencyState(agency)
        #expect(
            state.name == "Northgate Medical Practice"
                && state.leadContacts.map(\.email) == ["sam@northgate.example.org"])
        #expect(state.retirementReason == "Merged")
    }
}
