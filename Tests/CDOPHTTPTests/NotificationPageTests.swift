import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The public notification page: no account, errors beside each field, nothing typed lost.
@Suite("The public notification page")
struct NotificationPageTests {
    /// A complete notification as a professional would type it.
    static let validPost: [(String, String)] = [
        ("notifier-name", "Sam Notifier"), ("notifier-role", "Paramedic"),
        ("notifier-organisation", "Northam Ambulance Service"),
        ("notifier-phone", "01632 960001"), ("notifier-email", "sam.notifier@ambulance.example.nhs.uk"),
        ("date-notified", "2026-05-31"),
        ("child-forenames", "Alex"), ("child-surname", "Testchild"), ("child-date-of-birth", "2026-01-30"),
        ("child-sex", "male"),
        ("child-nhs-number-status", "known"), ("child-nhs-number", "9434765919"), ("child-ethnicity", "whiteBritish"),
        ("child-address", "1 Example Row, Northtown"), ("child-postcode", "ZZ99 1AA"), ("date-of-death", "2026-05-30"),
        ("time-of-death", "02:10"), ("place-of-death", "home"), ("birth-status", "liveBorn"),
        ("reported-expectation", "unexpected"),
        ("post-mortem", "yes"), ("coroner-informed", "yes"), ("residence-area-code", "NTH"),
        ("area-of-death-code", "NTH"),
        ("circumstances", "Found unresponsive in his cot; resuscitation attempted."),
        ("professionals[0].name", "Dr Jo Example"), ("professionals[0].role", "GP"),
        ("professionals[0].organisation", "Northgate Surgery"),
        ("parents[0].name", "Val Testchild"), ("parents[0].relationship", "mother"),
        ("parents[0].contact", "07700 900123"),
    ]

    @Test("A complete notification opens a case and shows its reference")
    func aCompleteNotificationOpensACaseAndShowsItsReference() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/notify")
            #expect(page.status == .ok)
            let csrf = Browser.hiddenCSRF(in: String(buffer: page.body)) ?? ""
            let response = try await browser.post("/notify", Self.validPost, csrf: csrf)
            #expect(response.status == .seeOther, "\(String(buffer: response.body))")
            let location = response.headers[.location] ?? ""
            #expect(location.hasPrefix("/notify/received?reference=CDOP-"))
            let received = try await browser.get(location)
            #expect(String(buffer: received.body).contains("Notification received"))
        }
        let cases = try await fixture.engine.sqliteStore!.read { db in try CaseQueries.list(in: db) }
        #expect(cases.count == 1)
        #expect(cases.first?.childName == "Alex Testchild")
        let caseID = try #require(cases.first.flatMap { CaseID($0.caseID) })
        let parents = try fixture.engine.workflow.caseState(caseID).notification?.parentsAndCarers
        #expect(parents == [ParentOrCarer(name: "Val Testchild", relationship: "mother", contact: "07700 900123")])
    }

    @Test("A parent or carer named without their relationship comes back beside that field")
    func aParentWithoutRelationshipComesBackBesideTheField() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/notify")
            let csrf = Browser.hiddenCSRF(in: String(buffer: page.body)) ?? ""
            let post = Self.validPost.filter { $0.0 != "parents[0].relationship" }
            let response = try await browser.post("/notify", post, csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("Enter their relationship to the child"), "\(html)")
            #expect(html.contains(#"value="Val Testchild""#), "what was typed is kept")
        }
        let cases = try await fixture.engine.sqliteStore!.read { db in try CaseQueries.list(in: db) }
        #expect(cases.isEmpty)
    }

    @Test("A wrong NHS number comes back beside its field with everything typed")
    func aWrongNHSNumberComesBackBesideItsFieldWithEverythingTyped() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/notify")
            let csrf = Browser.hiddenCSRF(in: String(buffer: page.body)) ?? ""
            let post = Self.validPost.map { field in field.0 == "child-nhs-number" ? (field.0, "9434765918") : field }
            let response = try await browser.post("/notify", post, csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("There is a problem"))
            #expect(html.contains(##"href="#child-nhs-number""##), "the summary links to the field")
            #expect(html.contains(#"id="child-nhs-number-error""#), "the error sits beside the field")
            #expect(html.contains(#"value="Testchild""#), "what was typed is kept")
            #expect(html.contains("Found unresponsive in his cot"))
        }
        let cases = try await fixture.engine.sqliteStore!.read { db in try CaseQueries.list(in: db) }
        #expect(cases.isEmpty)
    }

    @Test("Script and markup typed in every text field are shown as text")
    func scriptAndMarkupTypedInEveryTextFieldAreShownAsText() async throws {
        let fixture = try await WebFixture()
        let attack = #"<script>alert("x")</script><b onmouseover=alert(1)>"#
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/notify")
            let csrf = Browser.hiddenCSRF(in: String(buffer: page.body)) ?? ""
            // Every field typed as the attack, so the page comes back (dates are wrong) echoing each one.
            let post = Self.validPost.map { ($0.0, attack) }
            let response = try await browser.post("/notify", post, csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(!html.contains("<script>"))
            #expect(!html.contains("<b onmouseover"))
            #expect(html.contains("&lt;script&gt;"))
        }
    }
}
