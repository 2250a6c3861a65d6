import CDOPApp
import CDOPDomain
import Hummingbird
import HummingbirdTesting

extension WebFixture {
    /// Runs `body` on the router with a browser signed in as the fixture's member of staff with `role`, and the
    /// session's CSRF token.
    @discardableResult
    func browse<Value>(
        as role: StaffRole, _ body: @Sendable (inout Browser, String) async throws -> Value
    ) async throws -> Value {
        let username = usernames[role]!
        return try await application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(username)
            return try await body(&browser, csrf)
        }
    }
}
