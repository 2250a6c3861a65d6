import CDOPDomain
import CDOPHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// After signing in the browser goes to `next` only when it is a path of this site; every trick that a browser
/// would turn into another address (a doubled slash, a backslash, a tab or newline it drops) goes to `/`.
@Suite("Where signing in goes next")
struct SignInRedirectTests {
    static let cases: [(next: String?, expected: String)] = [
        ("/cases/1", "/cases/1"),
        ("/", "/"),
        ("/dashboard?tab=overdue", "/dashboard?tab=overdue"),
        ("/2026/report", "/2026/report"),
        (nil, "/"),
        ("", "/"),
        ("//evil.example", "/"),
        ("///evil.example", "/"),
        ("/\\evil.example", "/"),
        ("/cases\\..\\\\evil.example", "/"),
        ("\\/evil.example", "/"),
        ("https://evil.example/", "/"),
        ("evil.example", "/"),
        ("/.well-known/x", "/"),
        ("/%2F/evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("/\n/evil.example", "/"),
        ("/\r\n/evil.example", "/"),
        ("\t//evil.example", "/"),
        ("/\u{7F}/evil.example", "/"),
        ("/\u{85}/evil.example", "/"),
        ("/\u{9F}/evil.example", "/"),
        ("/%09/evil.example", "/"),
        ("/%0a/evil.example", "/"),
        ("/%0D%0A/evil.example", "/"),
        ("/%7f/evil.example", "/"),
        ("/%C2%85/evil.example", "/"),
        ("/%%0909/evil.example", "/"),
        ("/ca\tses/1", "/cases/1"),
        ("/cases/1%09", "/cases/1"),
    ]

    @Test("Only a path starting with one slash and a letter, a digit or nothing is followed", arguments: cases)
    func safeRedirect(_ next: String?, _ expected: String) {
        #expect(SignInRedirect.safe(next) == expected, "\(next.debugDescription)")
    }

    @Test("A next address with a tab in its form field sends the browser home, not to another host")
    func tabInTheFormField() async throws {
        let fixture = try await WebFixture()
        let username = fixture.usernames[.coordinator]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.postSignIn(
                [("username", username), ("password", WebFixture.password), ("next", "/\t/evil.example/x")])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
        }
    }
}
