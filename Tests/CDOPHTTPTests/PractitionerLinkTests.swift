import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CDOPHTTP

/// The practitioner's secure link: open the form, save a draft, come back, submit; then a clear page.
@Suite("The practitioner's secure link")
struct PractitionerLinkTests {
    static let answers: [(String, String)] = [
        ("agency-name", "Northgate Surgery"), ("completed-by-name", "Dr Jo Example"), ("completed-by-role", "GP"),
        ("date-completed", "2026-06-01"), ("child-known-to-agency", "yes"), ("mode-of-death", "foundDeadOrCollapsed"),
        ("summary", "Seen twice for routine checks; no concerns recorded."),
    ]

    @Test("A practitioner saves a draft, comes back and submits once")
    func aPractitionerSavesADraftComesBackAndSubmitsOnce() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, token) = try fixture.caseWithFormBRequested()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/forms/\(token)")
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("Agency reporting form") && html.contains("Send the form") && html.contains("Alex"))
            let csrf = Browser.hiddenCSRF(in: html) ?? ""

            let draft = try await browser.post(
                "/forms/\(token)", [("summary", "Half written"), ("action", "save-draft")], csrf: csrf)
            #expect(draft.status == .seeOther)
            let again = try await browser.get("/forms/\(token)?saved=1")
            #expect(String(buffer: again.body).contains("Half written"), "the draft comes back")

            let incomplete = try await browser.post(
                "/forms/\(token)", [("summary", "Half written"), ("action", "submit")], csrf: csrf)
            #expect(incomplete.status == .unprocessableContent)
            #expect(String(buffer: incomplete.body).contains("There is a problem"))

            let sent = try await browser.post("/forms/\(token)", Self.answers + [("action", "submit")], csrf: csrf)
            #expect(sent.status == .ok)
            #expect(String(buffer: sent.body).contains("Form sent"))

            let used = try await browser.get("/forms/\(token)")
            #expect(used.status == .gone)
            #expect(String(buffer: used.body).contains("This form has already been sent"))
        }
        let state = try fixture.engine.workflow.caseState(caseID)
        #expect(state.request(requestID)?.answered == FormDefinitionReference(id: "reporting", version: 1))
        #expect(
            state.request(requestID)?.answers["summary"]
                == .text("Seen twice for routine checks; no concerns recorded."))
    }

    @Test("Every view of the form through the link is on the case's record")
    func everyViewOfTheFormThroughTheLinkIsOnTheCasesRecord() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, token) = try fixture.caseWithFormBRequested()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let html = String(buffer: try await browser.get("/forms/\(token)").body)
            let csrf = Browser.hiddenCSRF(in: html) ?? ""
            _ = try await browser.post(
                "/forms/\(token)", [("summary", "Half written"), ("action", "submit")], csrf: csrf)
            _ = try await browser.get("/api/v1/links/\(token)")
            _ = try await browser.post("/forms/\(token)", Self.answers + [("action", "submit")], csrf: csrf)
            _ = try await browser.get("/forms/\(token)")
        }
        let opened = try fixture.engine.sqliteStore!.readAll(after: 0, limit: 10_000).filter {
            $0.type == "case.formOpened.v1"
        }
        #expect(opened.count == 3, "the page, the page with errors and the API: not the used link, which shows nothing")
        #expect(opened.allSatisfy { $0.streamID == caseID.streamID })
        let views = opened.map { String(decoding: $0.data, as: UTF8.self) }
        #expect(views.allSatisfy { $0.contains(requestID.description) && !$0.contains("Alex") })
        #expect(views.filter { $0.contains(#""view":"api""#) }.count == 1)
        let timeline = try CaseTimeline.entries(of: caseID, in: fixture.engine.sqliteStore!).map(\.what)
        #expect(
            timeline.contains("Form B opened through the link sent to Northgate Surgery (3 times, the last shown)"),
            "\(timeline)")
    }

    @Test("Opening a form moves only the case summary's stream version, and a rebuild writes the very same rows")
    func openingAFormWritesOnlyTheStreamVersion() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, token) = try fixture.caseWithFormBRequested()
        let store = fixture.engine.sqliteStore!
        let versionBefore = try await store.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT stream_version FROM case_summaries WHERE case_id = ?", arguments: [caseID.description])
        }
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            for _ in 0..<3 { _ = try await browser.get("/forms/\(token)") }
        }
        let versionAfter = try await store.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT stream_version FROM case_summaries WHERE case_id = ?", arguments: [caseID.description])
        }
        #expect(versionAfter == (versionBefore ?? 0) + 3)
        #expect(try store.readStream(caseID.streamID).last?.streamVersion == versionAfter)
        #expect(try ReadModelRebuild(store: store).run().isClean, "the rebuild folds the openings to the same rows")
    }

    @Test(
        "A form page opened again is the page kept, with each visitor's own token; a draft or a withdrawal shows at once"
    )
    func aFormPageOpenedAgainIsTheKeptPageWithEachVisitorsOwnToken() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, token) = try fixture.caseWithFormBRequested()
        let (services, workflow) = (fixture.services, fixture.engine.workflow)
        try await fixture.application.test(.router) { client in
            var first = Browser(client)
            var second = Browser(client)
            let firstPage = String(buffer: try await first.get("/forms/\(token)").body)
            let secondPage = String(buffer: try await second.get("/forms/\(token)").body)
            let firstToken = try #require(Browser.hiddenCSRF(in: firstPage))
            let secondToken = try #require(Browser.hiddenCSRF(in: secondPage))
            #expect(firstToken != secondToken, "each visitor has a token of their own")
            #expect(
                firstPage.replacingOccurrences(of: firstToken, with: "T")
                    == secondPage.replacingOccurrences(of: secondToken, with: "T"))
            #expect(services.formPages.count == 1, "the second visitor was shown the page kept")

            let saved = try await first.post(
                "/forms/\(token)", [("summary", "Half written"), ("action", "save-draft")], csrf: firstToken)
            #expect(saved.status == .seeOther)
            let withDraft = String(buffer: try await second.get("/forms/\(token)").body)
            #expect(withDraft.contains("Half written"), "the draft saved is on the page at once")
            #expect(Browser.hiddenCSRF(in: withDraft) == secondToken)

            try await workflow.execute(
                .withdrawFormRequest(requestID: requestID, reason: "Sent to the wrong practice"), on: caseID,
                by: Actor(name: "casey.coordinator", role: "coordinator"))
            let withdrawn = try await second.get("/forms/\(token)")
            #expect(withdrawn.status == .gone, "a page kept is never shown for a link that can no longer be used")
            #expect(!String(buffer: withdrawn.body).contains("Alex"))
        }
        let opened = try fixture.engine.sqliteStore!.readAll(after: 0, limit: 10_000).filter {
            $0.type == "case.formOpened.v1"
        }
        #expect(opened.count == 3, "every page shown from the cache was recorded as a view")
    }

    @Test("A withdrawn request's link says so and whom to contact")
    func aWithdrawnRequestsLinkSaysSoAndWhomToContact() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, token) = try fixture.caseWithFormBRequested()
        try await fixture.engine.workflow.execute(
            .withdrawFormRequest(requestID: requestID, reason: "Sent to the wrong practice"), on: caseID,
            by: Actor(name: "casey.coordinator", role: "coordinator"))
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/forms/\(token)", method: .get)
            #expect(response.status == .gone)
            let html = String(buffer: response.body)
            #expect(html.contains("This request has been withdrawn") && html.contains("Contact "))
            #expect(!html.contains("Alex"), "no child's details on a refused link")
        }
    }

    @Test("An expired or unknown link is refused")
    func anExpiredOrUnknownLinkIsRefused() async throws {
        var fixture = try await WebFixture()
        let (_, _, token) = try fixture.caseWithFormBRequested()
        fixture.clock.advance(days: 61)
        try await fixture.application.test(.router) { client in
            let expired = try await client.execute(uri: "/forms/\(token)", method: .get)
            #expect(expired.status == .gone)
            #expect(String(buffer: expired.body).contains("This link has expired"))
            let unknown = try await client.execute(uri: "/forms/" + String(repeating: "x", count: 43), method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("Guessing tokens at speed is limited")
    func guessingTokensAtSpeedIsLimited() async throws {
        let fixture = try await WebFixture(limits: RateLimits(links: RateLimiter(capacity: 3, perMinute: 1)))
        try await fixture.application.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for attempt in 0..<4 {
                let guess = String(repeating: "A", count: 42) + String(attempt)
                statuses.append(try await client.execute(uri: "/forms/\(guess)", method: .get).status)
            }
            #expect(statuses == [.notFound, .notFound, .notFound, .tooManyRequests])
        }
    }
}
