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

/// The coordinator's cases on the pages and the API: finding them, a reference in the address, the whole
/// notification and the outcome, corrections, and the duplicate decision.
@Suite("The coordinator's case pages")
struct CoordinatorCasePageTests {
    static let coordinator = Actor(name: "casey.coordinator", role: "coordinator")

    @Test(
        "/cases finds a case by the child's name folded (accents, case, spaces), by reference and by NHS number, and records what it showed, never the search text"
    )
    func searchFindsCasesAndRecordsTheListing() async throws {
        var fixture = try await WebFixture()
        let zoe = try fixture.notifiedCase(in: "NTH", surname: "O'Brién")
        let other = try fixture.notifiedCase(in: "NTH", surname: "Otherchild")
        let nhs = try #require(try fixture.engine.workflow.caseState(other).notification?.child.nhsNumber.number?.text)
        let ready = fixture
        try await ready.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(ready.usernames[.coordinator]!)
            let byName = String(buffer: try await browser.get("/cases?q=OBRIEN").body)
            #expect(byName.contains(zoe.reference) && !byName.contains(other.reference), "\(byName)")
            #expect(byName.contains("Alex O&#39;Brién") || byName.contains("Alex O'Brién"))
            let byReference = String(buffer: try await browser.get("/cases?q=" + other.reference).body)
            #expect(byReference.contains(other.reference) && !byReference.contains(zoe.reference))
            let byNHS = String(buffer: try await browser.get("/cases?q=" + nhs).body)
            #expect(byNHS.contains(other.reference) && !byNHS.contains(zoe.reference))
            let none = String(buffer: try await browser.get("/cases?q=nobody&from=2026-01-01&to=2026-12-31").body)
            #expect(none.contains("No case matches the search."))
            let wrong = try await browser.get("/cases?from=2026-13-01")
            #expect(wrong.status == .unprocessableContent)
            #expect(String(buffer: wrong.body).contains("Enter the earliest date of death as a real date"))
        }
        let listed = try fixture.engine.sqliteStore!.readAll(after: 0, limit: 10_000).filter {
            $0.type == UserListedCases.typeName
        }
        #expect(listed.count >= 3)
        let data = listed.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        #expect(!data.contains("OBRIEN") && !data.contains("nobody") && data.contains(zoe.description))
    }

    @Test("/cases finds a historic case by its reference in the earlier records, without case")
    func searchByExternalReference() async throws {
        let fixture = try await WebFixture()
        let rows = [
            "reference,surname,date_of_birth,sex,area_code,date_of_death,date_notified,expected",
            "B11-001,Historic,2020-01-02,female,NTH,2024-07-01,2024-07-02,expected",
        ].joined(separator: "\n")
        _ = try HistoricImport(workflow: fixture.engine.workflow, panel: fixture.engine.panel).run(
            rows, by: Self.coordinator)
        let caseID = try await fixture.engine.sqliteStore!.read { db in try CaseQueries.resolve("B11-001", in: db) }
            .get()
        try await fixture.browse(as: .coordinator) { browser, _ in
            let page = String(buffer: try await browser.get("/cases?q=b11-001").body)
            #expect(page.contains(caseID.reference), "\(page)")
            #expect(page.contains("1 case"))
        }
    }

    @Test(
        "GET /api/v1/cases searches as the page does, names the child with age and days open, and says which query parameter is wrong"
    )
    func apiSearch() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH", surname: "Searchable")
        _ = try fixture.notifiedCase(in: "NTH", surname: "Otherchild")
        let ready = fixture
        try await ready.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(ready.usernames[.coordinator]!)
            let found = try await browser.get("/api/v1/cases?q=searchable&sort=date-of-death")
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(String(buffer: found.body).utf8)) as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["caseId"] as? String == caseID.description)
            #expect(rows.first?["childName"] as? String == "Alex Searchable")
            #expect(rows.first?["age"] as? String == "3 months")
            #expect(rows.first?["daysOpen"] as? Int == 0)
            let wrong = try await browser.get("/api/v1/cases?sort=sideways")
            #expect(wrong.status == .unprocessableContent)
            #expect(String(buffer: wrong.body).contains(#"\/query\/sort"#))
        }
    }

    @Test(
        "A reference in the address goes to the case, for pages and the API; an unknown one is an HTML page, not JSON")
    func referenceInTheAddress() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH")
        let reference = caseID.reference
        let ready = fixture
        try await ready.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(ready.usernames[.coordinator]!)
            let page = try await browser.get("/cases/\(reference)")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/cases/\(caseID)")
            let api = try await browser.get("/api/v1/cases/\(reference)")
            #expect(api.status == .ok)
            #expect(String(buffer: api.body).contains(caseID.description))
            let unknown = try await browser.get("/cases/CDOP-FFFFFFFF")
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: unknown.body).contains("Page not found"))
        }
    }

    @Test("The case page shows the whole notification and, once recorded, the panel's outcome")
    func wholeNotificationAndOutcome() async throws {
        var fixture = try await WebFixture()
        let (caseID, _) = try fixture.caseListedForPanel(in: "NTH")
        try await fixture.engine.workflow.execute(
            .recordPanelOutcome(
                PanelOutcomeInput(
                    categories: [7],
                    factors: [
                        ContributoryFactor(
                            domain: .serviceProvision, description: "Delay", level: .mayHaveContributed,
                            modifiable: true)
                    ],
                    outcome: .modifiableFactorsIdentified,
                    learningPoints: [LearningPoint(theme: "referral", text: "Refer promptly")],
                    reviewedOn: CalendarDate(year: 2026, month: 6, day: 1)!)),
            on: caseID, by: Actor(name: "pat.panel", role: "panel-member"))
        let notification = try #require(try fixture.engine.workflow.caseState(caseID).notification)
        let ready = fixture
        try await ready.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(ready.usernames[.coordinator]!)
            let page = String(buffer: try await browser.get("/cases/\(caseID)").body)
            #expect(page.contains("<dt>NHS number</dt><dd>\(notification.child.nhsNumber.number!.text)</dd>"))
            #expect(page.contains(notification.notifier.organisation))
            #expect(page.contains("<dt>Post-mortem</dt>") && page.contains("<dt>Coroner informed</dt>"))
            #expect(page.contains("The panel&#39;s outcome") || page.contains("The panel's outcome"))
            #expect(page.contains("modifiable factors identified"))
            #expect(page.contains("1 factor (1 modifiable)"))
            #expect(page.contains("referral: Refer promptly"))
        }
    }

    @Test("An empty duplicate decision is refused beside its field; a settled one is reopened with a reason")
    func duplicateDecision() async throws {
        var fixture = try await WebFixture()
        let notification = fixture.notification()
        let first = try fixture.engine.workflow.notify(notification, by: Self.coordinator).caseID
        let second = try fixture.engine.workflow.notify(notification, by: Self.coordinator)
        #expect(second.possibleDuplicateOf == first)
        let ready = fixture
        try await ready.application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(ready.usernames[.coordinator]!)
            let empty = try await browser.post("/cases/\(second.caseID)/duplicate", [], csrf: csrf)
            #expect(empty.status == .unprocessableContent)
            #expect(String(buffer: empty.body).contains(#"id="decision-error""#))
            #expect(try ready.engine.workflow.caseState(second.caseID).possibleDuplicateOf == first)
            _ = try await browser.post("/cases/\(second.caseID)/duplicate", [("decision", "reject")], csrf: csrf)
            #expect(try ready.engine.workflow.caseState(second.caseID).possibleDuplicateOf == nil)
            let noReason = try await browser.post(
                "/cases/\(second.caseID)/commands", [("command", "reopen-duplicate-decision")], csrf: csrf)
            #expect(noReason.status == .unprocessableContent)
            let reopened = try await browser.post(
                "/cases/\(second.caseID)/commands",
                [("command", "reopen-duplicate-decision"), ("reason", "Same NHS number")], csrf: csrf)
            #expect(reopened.status == .seeOther)
            #expect(try ready.engine.workflow.caseState(second.caseID).possibleDuplicateOf == first)
        }
    }

    @Test(
        "A corrected date of death is confirmed before it is saved; the timeline then says what changed, from and to, and why"
    )
    func correctionWithConfirmation() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH")
        let ready = fixture
        try await ready.application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(ready.usernames[.coordinator]!)
            let form = String(buffer: try await browser.get("/cases/\(caseID)/correction").body)
            #expect(form.contains(#"name="dateOfDeath""#) && form.contains(#"value="2026-05-30""#))
            var fields = Self.fields(in: form)
            fields["dateOfDeath"] = "2026-05-29"
            let noReason = try await browser.post(
                "/cases/\(caseID)/correction", fields.map { ($0.key, $0.value) }, csrf: csrf)
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains("Enter the reason for the correction"))
            fields["reason"] = "The hospital's record"
            let confirm = String(
                buffer: try await browser.post(
                    "/cases/\(caseID)/correction", fields.map { ($0.key, $0.value) }, csrf: csrf
                ).body)
            #expect(
                confirm.contains("Check the new date of death") && confirm.contains("30 May 2026")
                    && confirm.contains("29 May 2026"))
            #expect(
                try ready.engine.workflow.caseState(caseID).notification?.death.date.iso == "2026-05-30",
                "nothing saved yet")
            fields["confirmed"] = "yes"
            let saved = try await browser.post(
                "/cases/\(caseID)/correction", fields.map { ($0.key, $0.value) }, csrf: csrf)
            #expect(saved.headers[.location] == "/cases/\(caseID)?done=corrected")
            #expect(try ready.engine.workflow.caseState(caseID).notification?.death.date.iso == "2026-05-29")
            let page = String(buffer: try await browser.get("/cases/\(caseID)").body)
            #expect(
                page.contains(
                    "Notification corrected: date of death, from 2026-05-30 to 2026-05-29. Reason: The hospital"))
        }
        let summary = try await fixture.engine.sqliteStore!.read { db in try CaseQueries.summary(caseID, in: db) }
        #expect(summary?.dateOfDeath == "2026-05-29")
        #expect(try ReadModelRebuild(store: fixture.engine.sqliteStore!).run().isClean)
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The values of a page's text inputs, selects and textareas, by name (as a browser would send them).
    static func fields(in html: String) -> [String: String] {
        var fields: [String: String] = [:]
        let input = try! Regex(#"<input type="(?:text|date|tel|email)" id="(\w+)" name="\w+"[^>]*? value="([^"]*)""#)
        for match in html.matches(of: input) {
            fields[String(match.output[1].substring!)] = unescape(String(match.output[2].substring!))
        }
        let select = try! Regex(#"<select id="(\w+)" name="\w+">(.*?)</select>"#)
        for match in html.matches(of: select) {
            let options = String(match.output[2].substring!)
            if let chosen = options.firstMatch(of: try! Regex(#"<option value="([^"]*)" selected>"#)) {
                fields[String(match.output[1].substring!)] = String(chosen.output[1].substring!)
            }
        }
        let area = try! Regex(#"<textarea id="(\w+)" name="\w+"[^>]*>([^<]*)</textarea>"#)
        for match in html.matches(of: area) {
            fields[String(match.output[1].substring!)] = unescape(String(match.output[2].substring!))
        }
        return fields
    }
}
