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
@Suite("The case page's actions")
struct CaseActionPageTests {
    @Test("The coordinator pauses and resumes a review from the case page")
    func theCoordinatorPausesAndResumesAReviewFromTheCasePage() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        try await fixture.engine.workflow.execute(
            .triage(expectation: .unexpected, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID,
            by: Actor(name: "dana.doctor", role: "designated-doctor"))
        let workflow = fixture.engine.workflow
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let page = String(buffer: try await browser.get("/cases/\(caseID)").body)
            #expect(page.contains("Pause for an external process") && page.contains("Mark ready for the panel"))
            #expect(!page.contains("Reopen the case"), "a case that is open is not offered reopening")

            let paused = try await browser.post(
                "/cases/\(caseID)/commands",
                [
                    ("command", "await-external"), ("process", "inquest"), ("reason", "Coroner's inquest opened"),
                    ("since", "2026-06-01"),
                ],
                csrf: csrf)
            #expect(paused.status == .seeOther)
            #expect(paused.headers[.location] == "/cases/\(caseID)?done=await-external")
            #expect(try workflow.caseState(caseID).openPauses.map(\.process) == [.inquest])

            let waiting = String(buffer: try await browser.get("/cases/\(caseID)?done=await-external").body)
            #expect(waiting.contains("The review is now paused") && waiting.contains("Waiting for the inquest"))

            let resumed = try await browser.post(
                "/cases/\(caseID)/commands",
                [("command", "conclude-external"), ("process", "inquest"), ("on", "2026-06-01")], csrf: csrf)
            #expect(resumed.status == .seeOther)
            #expect(try workflow.caseState(caseID).openPauses.isEmpty)
        }
    }

    @Test("A missing field comes back beside its form with what was typed")
    func aMissingFieldComesBackBesideItsFormWithWhatWasTyped() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let response = try await browser.post(
                "/cases/\(caseID)/commands",
                [("command", "refer-cspr"), ("reason", "Concerns about <agency> working")], csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(##"href="#refer-cspr-referredOn">Enter the date of the referral"##), "\(html)")
            #expect(html.contains(#"id="refer-cspr-error""#))
            #expect(html.contains("Concerns about &lt;agency&gt; working"), "what was typed is kept, escaped")
        }
        #expect(try fixture.engine.workflow.caseState(caseID).safeguardingReferral == nil)
    }

    @Test("A refusal by the domain is shown on the page")
    func aRefusalByTheDomainIsShownOnThePage() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let response = try await browser.post("/cases/\(caseID)/commands", [("command", "close")], csrf: csrf)
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains(##"href="#close-submit""##))
        }
        #expect(try fixture.engine.workflow.caseState(caseID).isClosed == false)
    }

    @Test("A designated doctor cannot issue a coordinator's command")
    func aDesignatedDoctorCannotIssueACoordinatorsCommand() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        try await fixture.browse(as: .designatedDoctor) { browser, csrf in
            let response = try await browser.post(
                "/cases/\(caseID)/commands",
                [("command", "transfer"), ("toPanel", "Elsewhere CDOP"), ("reason", "Moved")], csrf: csrf)
            #expect(response.status == .forbidden)
        }
        #expect(try fixture.engine.workflow.caseState(caseID).transfer == nil)
        let refused = try fixture.engine.sqliteStore!.readAll(after: 0, limit: 10_000).filter {
            $0.type == "user.accessRefused.v1"
        }
        #expect(refused.count == 1)
    }
}
