import CDOPApp
import CDOPDomain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CDOPHTTP

@Suite("Oversized form fields")
struct OversizedFieldTests {
    @Test(
        "An answer far over its field's length on the public form comes back as the form with the error beside that field, not a bare 413"
    )
    func oversizedFieldIsAFieldError() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let form = String(buffer: try await browser.get("/notify").body)
            let csrf = Browser.hiddenCSRF(in: form) ?? ""
            let huge = String(repeating: "a", count: WebLimits.maxBodyBytes + 10)
            let response = try await browser.post("/notify", [("circumstances", huge)], csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("characters or fewer"), "the length error is shown")
            #expect(html.contains("href=\"#circumstances\""), "the summary links to the field")
        }
    }

    @Test("The public form links to signing in")
    func notifyLinksToSignIn() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let form = String(buffer: try await browser.get("/notify").body)
            #expect(form.contains("href=\"/sign-in\""))
        }
    }

    @Test("After changing their password, a person is told on the sign-in page that it has been changed")
    func passwordChangedIsConfirmed() async throws {
        let fixture = try await WebFixture()
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let new = "A-much-longer-new-password-2026"
            let changed = try await browser.post(
                "/account/password", [("current", WebFixture.password), ("new", new), ("confirm", new)], csrf: csrf)
            #expect(changed.status == .seeOther)
            let location = changed.headers[.location] ?? ""
            #expect(location == "/sign-in?changed=1")
            let page = String(buffer: try await browser.get(location).body)
            #expect(page.contains("Your password has been changed"))
        }
    }
}
