import CDOPHTTP
import CDOPTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Requests to the JSON API, and the objects its answers hold.
enum JSONAPI {
    /// The example notification the command-line tests notify, as a request body.
    static func exampleNotification() throws -> Data {
        try Data(
            contentsOf: BuiltProducts.packageRoot.appendingPathComponent(
                "Tests/cdopTests/Fixtures/notification.example.json"))
    }

    /// Posts `body` as JSON to `uri`, with a session's cookies and CSRF token when given.
    static func post(
        _ client: any TestClientProtocol, _ uri: String, _ body: Data, cookies: String? = nil, csrf: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let cookies { headers[.cookie] = cookies }
        if let csrf { headers[CSRF.headerName] = csrf }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// The JSON object an answer holds (empty when it holds none).
    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// `value` as a request body.
    static func body(_ value: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: value)
    }
}

extension Browser {
    /// A browser signed in as `username`, and its session's CSRF token as the API's `/me` gives it.
    static func signedInToTheAPI(
        _ client: any TestClientProtocol, _ username: String, code: String? = nil
    ) async throws -> (Browser, String) {
        var browser = Browser(client)
        _ = try await browser.signIn(username, code: code)
        let csrf = JSONAPI.object(try await browser.get("/api/v1/me"))["csrfToken"] as? String ?? ""
        return (browser, csrf)
    }

    /// The authenticator key an account page shows while a second factor is being set up, without its spaces.
    static func authenticatorKey(in html: String) -> String? {
        guard let start = html.range(of: #"<p class="key" id="key">"#),
            let end = html[start.upperBound...].range(of: "</p>")
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: " ", with: "")
    }
}
