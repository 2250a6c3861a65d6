import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPProjections
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The privacy pages: asking for an erasure, a second person's approval carrying it out, a decline, and a subject
/// access export, for administrators and coordinators only, naming people by their role and never by name.
@Suite("The privacy pages")
struct PrivacyPageTests {
    @Test(
        "A coordinator asks for a child's erasure, cannot approve it herself, an administrator's approval erases it, and the export then reads erased"
    )
    func askApproveAndExport() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH", surname: "Privacychild")
        let (usernames, adminCode) = (fixture.usernames, fixture.adminCode)
        let engine = fixture.engine
        try await fixture.application.test(.router) { client in
            var coordinator = Browser(client)
            let csrf = try await coordinator.signIn(usernames[.coordinator]!)
            let page = try await coordinator.get("/cases/\(caseID)/privacy")
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("the child") && html.contains("Ask for the erasure"), "\(html)")
            #expect(!html.contains("Privacychild"), "the page names people by role only")

            let noReason = try await coordinator.post(
                "/cases/\(caseID)/privacy/erasure", [("decision", "request"), ("roles", "child")], csrf: csrf)
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains(##"href="#reason""##))

            let asked = try await coordinator.post(
                "/cases/\(caseID)/privacy/erasure",
                [("decision", "request"), ("roles", "child"), ("reason", "Retention policy RP-4")], csrf: csrf)
            #expect(asked.status == .seeOther)
            let listed = String(buffer: try await coordinator.get("/privacy").body)
            #expect(listed.contains(caseID.reference) && listed.contains("1 of 2"), "\(listed)")
            let dashboard = String(buffer: try await coordinator.get("/dashboard").body)
            #expect(dashboard.contains("/cases/\(caseID)/privacy"), "the dashboard lists the erasure awaiting approval")

            let selfApproval = try await coordinator.post(
                "/cases/\(caseID)/privacy/erasure", [("decision", "approve")], csrf: csrf)
            #expect(selfApproval.status == .unprocessableContent)
            #expect(String(buffer: selfApproval.body).contains("a second person must approve it"))
            #expect(try engine.workflow.caseState(caseID).erasedSubjects.isEmpty)

            var admin = Browser(client)
            let adminCSRF = try await admin.signIn(usernames[.admin]!, code: adminCode)
            let approved = try await admin.post(
                "/cases/\(caseID)/privacy/erasure", [("decision", "approve")], csrf: adminCSRF)
            #expect(approved.status == .seeOther)
            #expect(approved.headers[.location]?.hasSuffix("done=erased") == true)
            let state = try engine.workflow.caseState(caseID)
            #expect(state.erasedSubjects == ["child"] && state.erasureApproval == nil)
            #expect(state.notification?.child.name.fullName.contains("Privacychild") == false)
            #expect(!String(buffer: try await admin.get("/privacy").body).contains(caseID.reference))

            let noExportReason = try await coordinator.post(
                "/cases/\(caseID)/privacy/export", [("role", "child"), ("format", "json")], csrf: csrf)
            #expect(noExportReason.status == .unprocessableContent)
            let exported = try await coordinator.post(
                "/cases/\(caseID)/privacy/export",
                [("role", "child"), ("format", "json"), ("export-reason", "SAR-2026-031")], csrf: csrf)
            #expect(exported.status == .ok)
            #expect(exported.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(String(buffer: exported.body).utf8)) as? [String: Any])
            #expect(document["erased"] as? Bool == true)
            #expect(!String(buffer: exported.body).contains("Privacychild"))
            let page2 = try await coordinator.post(
                "/cases/\(caseID)/privacy/export",
                [("role", "notifier"), ("format", "html"), ("export-reason", "SAR-2026-032")], csrf: csrf)
            #expect(String(buffer: page2.body).contains("the person who notified the death"))
            let exports = try CaseTimeline.entries(of: caseID, in: engine.sqliteStore!).filter {
                $0.type == SubjectAccessExported.typeName
            }
            #expect(exports.count == 2, "each export is recorded on the case")

            var panel = Browser(client)
            _ = try await panel.signIn(usernames[.panelMember]!)
            #expect(try await panel.get("/cases/\(caseID)/privacy").status == .forbidden)
            #expect(try await panel.get("/privacy").status == .forbidden)
        }
    }

    @Test("An erasure asked for can be declined with a reason; nothing is erased and a new one can be asked for")
    func declineErasesNothing() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH")
        let usernames = fixture.usernames
        let engine = fixture.engine
        try await engine.workflow.execute(
            .requestErasure(roles: [], reason: "Retention policy RP-4", by: "someone.else"), on: caseID,
            by: Actor(name: "someone.else", role: "coordinator"))
        try await fixture.application.test(.router) { client in
            var coordinator = Browser(client)
            let csrf = try await coordinator.signIn(usernames[.coordinator]!)
            let page = String(buffer: try await coordinator.get("/cases/\(caseID)/privacy").body)
            #expect(page.contains("everyone the case names") && page.contains("Approve the erasure"), "\(page)")
            let noReason = try await coordinator.post(
                "/cases/\(caseID)/privacy/erasure", [("decision", "decline")], csrf: csrf)
            #expect(noReason.status == .unprocessableContent)
            let declined = try await coordinator.post(
                "/cases/\(caseID)/privacy/erasure",
                [("decision", "decline"), ("decline-reason", "Inquest still open")], csrf: csrf)
            #expect(declined.status == .seeOther)
            let state = try engine.workflow.caseState(caseID)
            #expect(state.erasureApproval == nil && state.erasedSubjects.isEmpty)
            let after = String(buffer: try await coordinator.get("/cases/\(caseID)/privacy").body)
            #expect(after.contains("Ask for the erasure"))
        }
    }

    @Test("A person who is not a role in a case is refused beside the person's field, the reason kept")
    func aBadRoleIsShownBesideItsField() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH")
        let usernames = fixture.usernames
        try await fixture.application.test(.router) { client in
            var coordinator = Browser(client)
            let csrf = try await coordinator.signIn(usernames[.coordinator]!)
            let export = try await coordinator.post(
                "/cases/\(caseID)/privacy/export",
                [("role", "Child Name"), ("format", "json"), ("export-reason", "SAR-2026-040")], csrf: csrf)
            #expect(export.status == .unprocessableContent)
            let page = String(buffer: export.body)
            #expect(page.contains(##"href="#role""##) && page.contains("SAR-2026-040"), "\(page)")
            let request = try await coordinator.post(
                "/cases/\(caseID)/privacy/erasure",
                [("decision", "request"), ("roles", "Child Name"), ("reason", "Request ERA-1")], csrf: csrf)
            #expect(request.status == .unprocessableContent)
            #expect(String(buffer: request.body).contains(##"href="#roles-everyone""##))
        }
    }
}
