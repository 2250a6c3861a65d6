import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The JSON API: the same rules as the pages, problems that name the field, and an OpenAPI document that lists
/// every API route.
@Suite("The JSON API")
struct APITests {
    @Test("A notification posted as JSON opens a case")
    func aNotificationPostedAsJSONOpensACase() async throws {
        let fixture = try await WebFixture()
        fixture.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T09:00:00Z")!)
        let body = try JSONAPI.exampleNotification()
        try await fixture.application.test(.router) { client in
            let response = try await JSONAPI.post(client, "/api/v1/notifications", body)
            #expect(response.status == .created, "\(String(buffer: response.body))")
            #expect((JSONAPI.object(response)["reference"] as? String)?.hasPrefix("CDOP-") == true)
        }
    }

    @Test("A bad field is named by its JSON pointer")
    func aBadFieldIsNamedByItsJSONPointer() async throws {
        let fixture = try await WebFixture()
        var json = try #require(try JSONSerialization.jsonObject(with: JSONAPI.exampleNotification()) as? [String: Any])
        var child = try #require(json["child"] as? [String: Any])
        child["dateOfBirth"] = 20_260_702
        json["child"] = child
        let body = try JSONSerialization.data(withJSONObject: json)
        try await fixture.application.test(.router) { client in
            let response = try await JSONAPI.post(client, "/api/v1/notifications", body)
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType] == "application/problem+json")
            let errors = JSONAPI.object(response)["errors"] as? [[String: Any]]
            #expect(errors?.first?["pointer"] as? String == "/child/dateOfBirth", "\(String(buffer: response.body))")
        }
    }

    @Test("A domain refusal is a problem with its code")
    func aDomainRefusalIsAProblemWithItsCode() async throws {
        let fixture = try await WebFixture()
        fixture.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T09:00:00Z")!)
        var json = try #require(try JSONSerialization.jsonObject(with: JSONAPI.exampleNotification()) as? [String: Any])
        var child = try #require(json["child"] as? [String: Any])
        child["nhsNumber"] = ["number": "9434765918"]
        json["child"] = child
        let body = try JSONSerialization.data(withJSONObject: json)
        try await fixture.application.test(.router) { client in
            let response = try await JSONAPI.post(client, "/api/v1/notifications", body)
            #expect(response.status == .unprocessableContent)
            let code = JSONAPI.object(response)["code"] as? String ?? ""
            #expect(code.lowercased().contains("nhs"), "\(String(buffer: response.body))")
        }
    }

    @Test("A form post to the API is refused as not JSON")
    func aFormPostToTheAPIIsRefusedAsNotJSON() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/notifications", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "a=b"))
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test("A coordinator issues commands with the session's CSRF header, and a doctor cannot close")
    func aCoordinatorIssuesCommandsWithTheSessionsCSRFHeaderAndADoctorCannotClose() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        let coordinator = fixture.usernames[.coordinator]!
        let doctor = fixture.usernames[.designatedDoctor]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(coordinator)
            let me = JSONAPI.object(try await browser.get("/api/v1/me"))
            let csrf = try #require(me["csrfToken"] as? String)
            let body = Data(
                #"{"command": "await-external", "process": "postMortem", "reason": "Awaiting the report", "since": "2026-06-01"}"#
                    .utf8)
            let missing = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/commands", body, cookies: browser.cookieHeader)
            #expect(missing.status == .forbidden)
            let done = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/commands", body, cookies: browser.cookieHeader, csrf: csrf)
            #expect(done.status == .ok, "\(String(buffer: done.body))")
            #expect(JSONAPI.object(done)["stage"] as? String == "awaitingExternal")
            let shown = JSONAPI.object(try await browser.get("/api/v1/cases/\(caseID)"))
            #expect((shown["pauses"] as? [Any])?.count == 1)

            var doctorBrowser = Browser(client)
            _ = try await doctorBrowser.signIn(doctor)
            let doctorCSRF = JSONAPI.object(try await doctorBrowser.get("/api/v1/me"))["csrfToken"] as? String
            let close = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/commands", Data(#"{"command": "close"}"#.utf8),
                cookies: doctorBrowser.cookieHeader,
                csrf: doctorCSRF)
            #expect(close.status == .forbidden)
        }
    }

    @Test("A practitioner submits answers as JSON")
    func aPractitionerSubmitsAnswersAsJSON() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, token) = try fixture.caseWithFormBRequested()
        try await fixture.application.test(.router) { client in
            let form = try await client.execute(uri: "/api/v1/links/\(token)", method: .get)
            #expect(form.status == .ok)
            #expect((JSONAPI.object(form)["form"] as? [String: Any])?["id"] as? String == "reporting")
            let incomplete = try await JSONAPI.post(
                client, "/api/v1/links/\(token)",
                Data(#"{"action": "submit", "answers": {"summary": {"text": "Only this"}}}"#.utf8))
            #expect(incomplete.status == .unprocessableContent)
            let pointers =
                (JSONAPI.object(incomplete)["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String }
                ?? []
            #expect(pointers.contains("/answers/agency-name"), "\(pointers)")
            let answers = """
                {"action": "submit", "answers": {"agency-name": {"text": "Northgate Surgery"}, "completed-by-name": {"text": "Dr Jo Example"},
                 "completed-by-role": {"text": "GP"}, "date-completed": {"date": "2026-06-01"}, "child-known-to-agency": {"yesNo": "no"},
                 "mode-of-death": {"choice": "notKnown"}, "summary": {"text": "Not known to the practice."}}}
                """
            let sent = try await JSONAPI.post(client, "/api/v1/links/\(token)", Data(answers.utf8))
            #expect(sent.status == .created, "\(String(buffer: sent.body))")
            let again = try await client.execute(uri: "/api/v1/links/\(token)", method: .get)
            #expect(again.status == .gone)
        }
        #expect(try fixture.engine.workflow.caseState(caseID).request(requestID)?.answered != nil)
    }

    @Test("The OpenAPI document describes every API route and is valid")
    func theOpenAPIDocumentDescribesEveryAPIRouteAndIsValid() async throws {
        let fixture = try await WebFixture()
        let folder = TemporaryDirectory("cdop-openapi")
        let file = folder.path("openapi.json")
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = JSONAPI.object(response)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            for spec in fixture.routes.specs where spec.kind == .api {
                let path =
                    "/"
                    + spec.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                    .joined(separator: "/")
                #expect(paths[path]?[spec.method.lowercased()] != nil, "\(spec) is not described")
            }
            try Data(response.body.readableBytesView).write(to: URL(fileURLWithPath: file))
        }
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = [
            "python3", "-c",
            "import sys, json; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('valid')",
            file,
        ]
        let output = Pipe()
        validator.standardOutput = output
        validator.standardError = output
        try validator.run()
        validator.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(
            validator.terminationStatus == 0 && text.contains("valid"),
            "openapi-spec-validator (run `make deps`): \(text)")
    }
}
