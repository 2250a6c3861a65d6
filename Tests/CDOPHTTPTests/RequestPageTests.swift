import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CDOPHTTP

/// A form request's page, the practitioner's decline, and the panel's view of a returned form.
@Suite("A form request's page")
struct RequestPageTests {
    @Test(
        "\"Did your agency know the child? No\" declines the form without asking the other answers, and the agency's name is filled in"
    )
    func notKnownDeclines() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, token) = try fixture.caseWithFormBRequested()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/forms/\(token)")
            let html = String(buffer: page.body)
            #expect(html.contains("value=\"Northgate Surgery\""), "the agency's name is prefilled")
            #expect(!html.contains("Select all that apply. Select all that apply."))
            let csrf = Browser.hiddenCSRF(in: html) ?? ""
            let sent = try await browser.post(
                "/forms/\(token)", [("child-known-to-agency", "no"), ("action", "submit")], csrf: csrf)
            #expect(sent.status == .ok)
            #expect(String(buffer: sent.body).contains("No information to send"))
        }
        let request = try #require(try fixture.engine.workflow.caseState(caseID).request(requestID))
        #expect(request.status == .declined)
        #expect(request.declineReason == PractitionerAccess.didNotKnowTheChild)
    }

    @Test(
        "The request page shows the request's email, reminds now, refuses a waiver without a reason beside its field, and asks before withdrawing"
    )
    func requestPageWork() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, _) = try fixture.caseWithFormBRequested()
        let path = "/cases/\(caseID)/requests/\(requestID)"
        let coordinator = fixture.usernames[.coordinator]!
        let workflow = fixture.engine.workflow
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let page = String(buffer: try await browser.get(path).body)
            #expect(page.contains("Form B requested for case"), "the request email's subject is listed")
            #expect(page.contains("Waiting to be sent"))
            let reminded = try await browser.post(path + "/remind", [], csrf: csrf)
            #expect(reminded.status == .seeOther)
            let waive = try await browser.post(path + "/waive", [("reason", " ")], csrf: csrf)
            #expect(waive.status == .unprocessableContent)
            #expect(String(buffer: waive.body).contains("Enter why the panel will not wait for this form"))
            let ask = try await browser.post(path + "/withdraw", [("reason", "Asked in error")], csrf: csrf)
            #expect(ask.status == .ok)
            #expect(String(buffer: ask.body).contains("Yes, withdraw the request"))
            #expect(
                try workflow.caseState(caseID).request(requestID)?.isOutstanding == true,
                "not withdrawn before confirming")
            let done = try await browser.post(
                path + "/withdraw", [("reason", "Asked in error"), ("confirmed", "yes")], csrf: csrf)
            #expect(done.status == .seeOther)
        }
        let state = try fixture.engine.workflow.caseState(caseID)
        #expect(state.request(requestID)?.status == .withdrawn)
        #expect(state.request(requestID)?.remindersSentNow.count == 1)
        #expect(state.outboxEmails.contains { $0.id == "withdrawn:\(requestID)" })
    }

    @Test(
        "The panel's view of a returned reporting form leaves out what Section A says is removed: the agency or service and the role"
    )
    func panelViewHonoursSectionA() throws {
        let definitions = try DefinitionSet.load(from: BuiltProducts.packageRoot).get()
        let form = definitions.forms.definition(for: .reporting)
        let answers: FormAnswers = [
            "agency-name": .text("Northgate Surgery"), "completed-by-role": .text("GP"),
            "completed-by-name": .text("Dr Jo Example"),
            "child-known-to-agency": .yesNo(.yes),
        ]
        let labels = PseudonymisedAnswers.lines(answers, definition: form).map(\.label)
        #expect(
            !labels.contains("Agency or service") && !labels.contains("Your role") && !labels.contains("Your full name")
        )
        #expect(labels.contains("Did your agency know the child?"))
    }

    @Test("GET /api/v1/cases/{id} gives each returned form's answers")
    func caseAPIGivesReturnedAnswers() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, token) = try fixture.caseWithFormBRequested()
        let form = try DefinitionSet.load(from: BuiltProducts.packageRoot).get().forms.reporting
        try PractitionerAccess(workflow: fixture.engine.workflow).submit(
            token: token, definition: form.reference, answers: ["summary": .text("Seen twice; no concerns.")],
            now: fixture.clock.now())
        let coordinator = fixture.usernames[.coordinator]!
        try await fixture.browse(as: .coordinator) { browser, _ in
            let body = String(buffer: try await browser.get("/api/v1/cases/\(caseID)").body)
            #expect(body.contains("Seen twice; no concerns."), "\(body.prefix(500))")
            #expect(body.contains("\"definition\":\"reporting@1\""))
        }
    }

    @Test("Transferring a case asks for a confirmation, showing the reason, before it is done")
    func transferIsConfirmed() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        let coordinator = fixture.usernames[.coordinator]!
        let workflow = fixture.engine.workflow
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let fields = [
                ("command", "transfer"), ("toPanel", "Farshire CDOP"), ("reason", "The child lived in Farshire"),
            ]
            let ask = try await browser.post("/cases/\(caseID)/commands", fields, csrf: csrf)
            #expect(ask.status == .ok)
            let page = String(buffer: ask.body)
            #expect(page.contains("Yes, transfer the case") && page.contains("The child lived in Farshire"))
            #expect(try workflow.caseState(caseID).transfer == nil, "not transferred before confirming")
            let done = try await browser.post("/cases/\(caseID)/commands", fields + [("confirmed", "yes")], csrf: csrf)
            #expect(done.status == .seeOther)
        }
        #expect(try fixture.engine.workflow.caseState(caseID).transfer != nil)
    }
}
