import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPHTTP
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The national return on the case page, the API and the dashboard")
struct NationalReturnPageTests {
    @Test("The coordinator finalises the notification from the case page, and reopens it with a reason")
    func finaliseOnTheCasePage() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, _) = try fixture.caseWithFormBRequested()
        let workflow = fixture.engine.workflow
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let page = String(buffer: try await browser.get("/cases/\(caseID)").body)
            #expect(page.contains(#"<h2 id="national-return">National return</h2>"#))
            #expect(page.contains("The notification is not finalised."))
            #expect(page.contains(#"<option value="notification">Notification</option>"#))
            #expect(!page.contains(#"<option value="\#(requestID)">"#), "a form not returned is not offered")

            let finalised = try await browser.post(
                "/cases/\(caseID)/commands", [("command", "finalise"), ("form", "notification")], csrf: csrf)
            #expect(finalised.status == .seeOther)
            #expect(finalised.headers[.location] == "/cases/\(caseID)?done=finalise")
            #expect(try workflow.caseState(caseID).nationalReturnFinalised[.notification] != nil)
            let after = String(buffer: try await browser.get("/cases/\(caseID)?done=finalise").body)
            #expect(after.contains("Ready for the national return."))
            #expect(after.contains("Finalised on 1 June 2026"))

            let refused = try await browser.post(
                "/cases/\(caseID)/commands", [("command", "finalise"), ("form", requestID.description)], csrf: csrf)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("Only a returned form can be finalised"))

            let noReason = try await browser.post(
                "/cases/\(caseID)/commands", [("command", "reopen-finalised"), ("form", "notification")], csrf: csrf)
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains(##"href="#reopen-finalised-reason""##))
            let reopened = try await browser.post(
                "/cases/\(caseID)/commands",
                [("command", "reopen-finalised"), ("form", "notification"), ("reason", "Date of birth wrong")],
                csrf: csrf)
            #expect(reopened.status == .seeOther)
            #expect(try workflow.caseState(caseID).nationalReturnFinalised.isEmpty)
        }
    }

    @Test("The API finalises with the coordinator's role only, and GET /api/v1/cases/{id} says what the return lacks")
    func apiFinalisesAndShowsReadiness() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        let coordinator = fixture.usernames[.coordinator]!
        let doctor = fixture.usernames[.designatedDoctor]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(coordinator)
            let csrf = JSONAPI.object(try await browser.get("/api/v1/me"))["csrfToken"] as? String
            let before = JSONAPI.object(try await browser.get("/api/v1/cases/\(caseID)"))
            let national = try #require(before["nationalReturn"] as? [String: Any])
            #expect(national["ready"] as? Bool == false)
            let reasons = try #require(national["reasons"] as? [[String: Any]])
            #expect(reasons.map { $0["kind"] as? String } == ["notificationNotFinalised"])

            var doctorBrowser = Browser(client)
            _ = try await doctorBrowser.signIn(doctor)
            let doctorCSRF = JSONAPI.object(try await doctorBrowser.get("/api/v1/me"))["csrfToken"] as? String
            let body = Data(#"{"command": "finalise", "form": "notification"}"#.utf8)
            let forbidden = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/commands", body, cookies: doctorBrowser.cookieHeader,
                csrf: doctorCSRF)
            #expect(forbidden.status == .forbidden)

            let done = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/commands", body, cookies: browser.cookieHeader, csrf: csrf)
            #expect(done.status == .ok, "\(String(buffer: done.body))")
            let after = JSONAPI.object(try await browser.get("/api/v1/cases/\(caseID)"))
            let ready = try #require(after["nationalReturn"] as? [String: Any])
            #expect(ready["ready"] as? Bool == true)
            #expect((ready["finalised"] as? [[String: Any]])?.first?["part"] as? String == "notification")

            let outcome = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/commands", Data(#"{"command": "finalise", "form": "outcome"}"#.utf8),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(outcome.status == .unprocessableContent)
            #expect(JSONAPI.object(outcome)["code"] as? String == "ncmd.outcomeNotRecorded")
        }
    }

    @Test("The dashboard lists the cases not ready for the national return, with counts per reason")
    func dashboardList() async throws {
        var fixture = try await WebFixture()
        let first = try fixture.notifiedCase(in: "NTH")
        let second = try fixture.notifiedCase(in: "NTH", surname: "Testchildtwo")
        try await fixture.engine.workflow.finaliseNationalReturnPart(
            .notification, on: second, forms: fixture.services.definitions.forms,
            by: Actor(name: "casey.coordinator", role: "coordinator"))
        try await fixture.browse(as: .coordinator) { browser, _ in
            let page = String(buffer: try await browser.get("/dashboard").body)
            #expect(page.contains("Not ready for the national return"))
            #expect(page.contains("Cases not ready: 1, by reason"))
            #expect(page.contains(#"<th scope="row">Notification not finalised</th><td class="number">1</td>"#))
            let section = try #require(
                page.range(of: #"id="national-return-cases""#).map { String(page[$0.lowerBound...]) })
            let table = section.components(separatedBy: "</table>")[0]
            #expect(table.contains(first.reference))
            #expect(!table.contains(second.reference), "its notification is finalised")
            let api = JSONAPI.object(try await browser.get("/api/v1/dashboard"))
            let notReady = try #require(api["notReadyForNationalReturn"] as? [String: Any])
            #expect(notReady["cases"] as? [String] == [first.reference])
            #expect(notReady["counts"] as? [String: Int] == ["notificationNotFinalised": 1])
        }
    }

    @Test("The coordinator sees a year's return as it would be made, makes it, and sees it among the returns made")
    func annualReturnPage() async throws {
        let returns = TemporaryDirectory("cdop-ncmd-page")
        var fixture = try await WebFixture { $0.nationalReturn.adapter = .directory(returns.path("ncmd")) }
        let ready = try fixture.notifiedCase(in: "NTH")
        let notReady = try fixture.notifiedCase(in: "NTH", surname: "Testchildtwo")
        try await fixture.engine.workflow.finaliseNationalReturnPart(
            .notification, on: ready, forms: fixture.services.definitions.forms,
            by: Actor(name: "casey.coordinator", role: "coordinator"))
        let died = try #require(try fixture.engine.workflow.caseState(ready).notification?.death.date)
        let year = ReportingYear.containing(died)
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let page = String(buffer: try await browser.get("/panel/national-return?year=\(year)").body)
            #expect(
                page.contains(
                    "<strong>1</strong> case(s) in the return (0 reviewed, 1 open), <strong>1</strong> left out."))
            #expect(page.contains("<td>\(notReady.reference)</td>"))
            #expect(page.contains("<li>The notification is not finalised.</li>"))
            #expect(!page.contains("<td>\(ready.reference)</td>"))
            #expect(page.contains("No return has been made for this year yet."))

            let made = try await browser.post("/panel/national-return", [("year", "\(year)")], csrf: csrf)
            #expect(made.status == .ok)
            let after = String(buffer: made.body)
            #expect(after.contains("Written: "), "\(after)")
            #expect(after.contains(#"<table id="national-returns-made">"#))
            let folders = try FileManager.default.contentsOfDirectory(atPath: returns.path("ncmd"))
            #expect(folders.count == 1 && folders[0].hasPrefix("ncmd-return-\(year)-"), "\(folders)")
            let documents = try FileManager.default.contentsOfDirectory(
                atPath: returns.path("ncmd") + "/" + folders[0] + "/cases")
            #expect(documents == ["\(ready.reference).json"])

            let bad = try await browser.post("/panel/national-return", [("year", "soon")], csrf: csrf)
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("Enter a reporting year such as 2025"))
        }
        #expect(try fixture.engine.nationalReturnsProduced(year: year).count == 1)
    }

    @Test("A return that cannot be written is refused on the page, saying why, and nothing is recorded")
    func annualReturnUnwritable() async throws {
        let returns = TemporaryDirectory("cdop-ncmd-unwritable")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: returns.path("file")))
        var fixture = try await WebFixture { $0.nationalReturn.adapter = .directory(returns.path("file")) }
        _ = try fixture.notifiedCase(in: "NTH")
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let refused = try await browser.post("/panel/national-return", [("year", "2025")], csrf: csrf)
            #expect(refused.status == .serviceUnavailable)
            let page = String(buffer: refused.body)
            #expect(page.contains("The return was made but not handed over"), "\(page)")
            #expect(page.contains(##"href="#make-return""##))
        }
        #expect(try fixture.engine.nationalReturnsProduced(year: 2025).isEmpty)
    }

    @Test("The national return page gives the day the return is due, and each reminder: planned, passed, or sent")
    func remindersOnThePage() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH")
        let died = try #require(try fixture.engine.workflow.caseState(caseID).notification?.death.date)
        let year = ReportingYear.containing(died)
        let deadline = try #require(ReportingYear.nationalReturnDeadline(year))
        // The morning after the four-weeks reminder fell, the server not having run at the eight-weeks one.
        fixture.clock.set(LondonTime.instant(on: deadline.adding(days: -27), at: TimeOfDay(hour: 8, minute: 0)!))
        let fired = fixture.engine.scheduler.tick().fired.filter { $0.action == "national-return-reminder" }
        #expect(fired.map(\.step) == ["four-weeks-before"] && fired.map(\.outcome) == ["acted"], "\(fired)")
        let engine = fixture.engine
        try await fixture.browse(as: .coordinator) { browser, _ in
            let page = String(buffer: try await browser.get("/panel/national-return?year=\(year)").body)
            #expect(
                page.contains(
                    "due to the National Child Mortality Database by <strong>\(DayFormatter.long(deadline))</strong>"))
            let day = { (before: Int) in DayFormatter.long(deadline.adding(days: -before)) }
            #expect(
                page.contains(
                    "<tr><td>eight-weeks-before</td><td>\(day(56))</td><td>Passed while cdop was not running: not sent</td></tr>"
                ), "\(page)")
            #expect(
                page.contains(
                    "<tr><td>four-weeks-before</td><td>\(day(28))</td><td>On \(day(27)), 1 case not ready: waiting to be sent to the coordinator</td></tr>"
                ))
            #expect(page.contains("<tr><td>one-week-before</td><td>\(day(7))</td><td>Planned</td></tr>"))

            let spool = TemporaryDirectory("cdop-reminder-spool")
            let templates = try DefinitionSet.load(from: BuiltProducts.packageRoot).get().templates
            _ = await engine.dispatcher(templates: templates, transport: SpoolTransport(directory: spool.path("out")))
                .dispatchAll()
            let after = String(buffer: try await browser.get("/panel/national-return?year=\(year)").body)
            #expect(after.contains("<td>On \(day(27)), 1 case not ready: sent to the coordinator</td>"), "\(after)")
        }
    }
}
