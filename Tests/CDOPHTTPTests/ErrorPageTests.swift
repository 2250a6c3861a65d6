import CDOPApp
import CDOPDomain
import CDOPHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser gets an HTML error page with a way back, never raw JSON or an empty body; the API gets a problem.
@Suite("Error pages")
struct ErrorPageTests {
    @Test("A case that is not there is an HTML page for a browser and a problem for the API")
    func aCaseThatIsNotThereIsAnHTMLPageForABrowserAndAProblemForTheAPI() async throws {
        let fixture = try await WebFixture()
        let coordinator = fixture.usernames[.coordinator]!
        try await fixture.browse(as: .coordinator) { browser, _ in
            let page = try await browser.get("/cases/\(UUID().uuidString.lowercased())")
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            let html = String(buffer: page.body)
            #expect(html.contains("Page not found") && html.contains("There is no case with that reference."))
            #expect(html.contains(#"<a href="/">Go to the start page</a>"#), "a way back")
            let api = try await browser.get("/api/v1/cases/\(UUID().uuidString.lowercased())")
            #expect(api.status == .notFound && api.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("An unknown address is an HTML page, not an empty body")
    func anUnknownAddressIsAnHTMLPageNotAnEmptyBody() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            for uri in ["/no-such-page", "/forms/"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(
                    String(buffer: response.body).contains("Page not found"), "\(uri): \(String(buffer: response.body))"
                )
            }
        }
    }
}
