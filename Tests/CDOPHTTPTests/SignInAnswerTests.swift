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

/// The sign-in page tells nobody which usernames exist or which are being held back.
@Suite("What the sign-in page gives away")
struct SignInAnswerTests {
    /// The error summary of a page: what it says went wrong.
    static func errorSummary(in html: String) -> String? {
        guard let start = html.range(of: #"<h2 id="error-summary-title">"#),
            let end = html[start.upperBound...].range(of: "</ul>")
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test("An unknown username, a wrong password and an attempt held back after failures get the same status and words")
    func everyFailureReadsTheSame() async throws {
        let fixture = try await WebFixture()
        let username = fixture.usernames[.coordinator]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            var answers: [(status: HTTPResponse.Status, summary: String?)] = []
            let attempts =
                [("nobody.here", "whatever password")] + Array(repeating: (username, "not the password"), count: 3)
                + [(username, WebFixture.password)]
            for (name, password) in attempts {
                let response = try await browser.postSignIn([("username", name), ("password", password)])
                answers.append((response.status, Self.errorSummary(in: String(buffer: response.body))))
            }
            let unknown = try #require(answers.first)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.summary?.contains(SignInError.wrongCredentials.description) == true, "\(unknown)")
            for answer in answers.dropFirst() {
                #expect(answer.status == unknown.status && answer.summary == unknown.summary, "\(answer)")
            }
        }
        let user = try #require(try fixture.services.users.user(named: username))
        let reasons = try fixture.engine.store.readStream(user.userID.streamID).filter {
            $0.type == "user.signInRefused.v1"
        }
        .map { String(decoding: $0.data, as: UTF8.self) }
        #expect(
            reasons.last?.contains("\"throttled\"") == true,
            "the right password was refused because the place was held back")
    }
}
