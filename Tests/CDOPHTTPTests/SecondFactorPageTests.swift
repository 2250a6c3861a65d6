import CDOPApp
import CDOPDomain
import CDOPHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Staff set up an authenticator app on their account page; a wrong code keeps the same key, and from then on
/// signing in asks for the code.
@Suite("Setting up a second factor")
struct SecondFactorPageTests {
    @Test("A coordinator sets up an authenticator, and then signing in asks for its code")
    func aCoordinatorSetsUpAnAuthenticatorAndThenSignInAsksForItsCode() async throws {
        let fixture = try await WebFixture()
        let username = fixture.usernames[.coordinator]!
        let now = fixture.clock.now()
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let account = String(buffer: try await browser.get("/account").body)
            #expect(account.contains("Set up an authenticator app"))

            let setup = try await browser.get("/account/second-factor")
            let html = String(buffer: setup.body)
            let key = try #require(Browser.authenticatorKey(in: html), "\(html)")
            #expect(html.contains("otpauth://totp/"))
            let app = TOTP(secret: try #require(Base32.decode(key)))

            let wrong = try await browser.post("/account/second-factor", [("code", "000000")], csrf: csrf)
            #expect(wrong.status == .unprocessableContent)
            #expect(
                Browser.authenticatorKey(in: String(buffer: wrong.body)) == key, "a mistyped code keeps the same key")
            let letters = try await browser.post("/account/second-factor", [("code", "abc")], csrf: csrf)
            #expect(String(buffer: letters.body).contains("Enter the 6-digit code"))

            let code = app.code(forStep: TOTP.step(at: now))
            let confirmed = try await browser.post("/account/second-factor", [("code", code)], csrf: csrf)
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.headers[.location] == "/account?enrolled=1")

            var later = Browser(browser.client)
            #expect(try await later.signIn(username).isEmpty, "the password alone no longer signs in")
            var withCode = Browser(browser.client)
            #expect(try await !withCode.signIn(username, code: app.code(forStep: TOTP.step(at: now) + 1)).isEmpty)
        }
    }
}
