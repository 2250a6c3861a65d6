import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The case page's actions: each posts the same command as the JSON API, offered only when the case's state
/// allows it, and a refusal or a missing field comes back beside the form that sent it.
@Suite struct CaseActionPageTests {
    @Test func theCoordinatorPausesAndResumesAReviewFromTheCasePage() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try PractitionerLinkTests.requested(&fixture)
        try fixture.engine.workflow.execute(
            .triage(expectation: .unexpected, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID,
            by: Actor(name: "dana.doctor", role: "designated-doctor"))
        let username = fixture.usernames[.coordinator]!
        let workflow = fixture.engine.workflow
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(username)
            let page = String(buffer: try await browser.get("/cases/\(caseID)").body)
            #expect(page.contains("Pause for an external process") && page.contains("Mark ready for the panel"))
            #expect(!page.contains("Reopen the case"), "a case that is open is not offered reopening")

            let paused = try await browser.post(
                "/cases/\(caseID)/commands",
                [("command", "await-external"), ("process", "inquest"), ("reason", "Coroner's inquest opened"), ("since", "2026-06-01")],
                csrf: csrf)
            #expect(paused.status == .seeOther)
            #expect(paused.headers[.location] == "/cases/\(caseID)?done=await-external")
            #expect(try workflow.caseState(caseID).openPauses.map(\.process) == [.inquest])

            let waiting = String(buffer: try await browser.get("/cases/\(caseID)?done=await-external").body)
            #expect(waiting.contains("The review is now paused") && waiting.contains("Waiting for the inquest"))

            let resumed = try await browser.post(
                "/cases/\(caseID)/commands", [("command", "conclude-external"), ("process", "inquest"), ("on", "2026-06-01")], csrf: csrf)
            #expect(resumed.status == .seeOther)
            #expect(try workflow.caseState(caseID).openPauses.isEmpty)
        }
    }

    @Test func aMissingFieldComesBackBesideItsFormWithWhatWasTyped() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try PractitionerLinkTests.requested(&fixture)
        let username = fixture.usernames[.coordinator]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(username)
            let response = try await browser.post(
                "/cases/\(caseID)/commands", [("command", "refer-cspr"), ("reason", "Concerns about <agency> working")], csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(##"href="#refer-cspr-referredOn">Enter the date of the referral"##), "\(html)")
            #expect(html.contains(#"id="refer-cspr-error""#))
            #expect(html.contains("Concerns about &lt;agency&gt; working"), "what was typed is kept, escaped")
        }
        #expect(try fixture.engine.workflow.caseState(caseID).safeguardingReferral == nil)
    }

    @Test func aRefusalByTheDomainIsShownOnThePage() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try PractitionerLinkTests.requested(&fixture)
        let username = fixture.usernames[.coordinator]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(username)
            let response = try await browser.post("/cases/\(caseID)/commands", [("command", "close")], csrf: csrf)
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains(##"href="#close-submit""##))
        }
        #expect(try fixture.engine.workflow.caseState(caseID).isClosed == false)
    }

    @Test func aDesignatedDoctorCannotIssueACoordinatorsCommand() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try PractitionerLinkTests.requested(&fixture)
        let username = fixture.usernames[.designatedDoctor]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(username)
            let response = try await browser.post(
                "/cases/\(caseID)/commands", [("command", "transfer"), ("toPanel", "Elsewhere CDOP"), ("reason", "Moved")], csrf: csrf)
            #expect(response.status == .forbidden)
        }
        #expect(try fixture.engine.workflow.caseState(caseID).transfer == nil)
        let refused = try fixture.engine.store.readAll(after: 0, limit: 10_000).filter { $0.type == "user.accessRefused.v1" }
        #expect(refused.count == 1)
    }
}
