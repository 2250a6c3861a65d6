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

/// An administrator adding a role to themself, removing their own second factor or moving their authenticator
/// gives their password and a fresh one-time code in the same request, through the API and the pages.
@Suite("An administrator's changes to their own account")
struct SelfChangeTests {
    /// The administrator's code after moving the clock on a minute (each code works once).
    static func freshCode(_ fixture: WebFixture) -> String {
        fixture.clock.advance(minutes: 1)
        return fixture.adminAuthenticator.code(at: fixture.clock.now())
    }

    /// The stored types of the administrator's events.
    static func adminEvents(_ fixture: WebFixture) throws -> [(type: String, json: String)] {
        let admin = try #require(try fixture.services.users.user(named: fixture.usernames[.admin]!))
        return try fixture.engine.store.readStream(admin.userID.streamID).map {
            ($0.type, String(decoding: $0.data, as: UTF8.self))
        }
    }

    /// Posts a user command to the API as the signed-in `browser`.
    static func command(
        _ client: any TestClientProtocol, _ username: String, _ body: [String: Any], as browser: Browser, csrf: String
    ) async throws -> TestResponse {
        try await JSONAPI.post(
            client, "/api/v1/users/\(username)/commands", try JSONAPI.body(body), cookies: browser.cookieHeader,
            csrf: csrf)
    }

    @Test(
        "An administrator adds a role to themself only with their password and a fresh code; another account needs neither"
    )
    func addOwnRoleThroughTheAPI() async throws {
        let fixture = try await WebFixture()
        let admin = fixture.usernames[.admin]!
        try await fixture.application.test(.router) { client in
            let (browser, csrf) = try await Browser.signedInToTheAPI(client, admin, code: fixture.adminCode)
            func changeAccess(_ extra: [String: String]) async throws -> TestResponse {
                var body: [String: Any] = ["command": "change-access", "roles": ["admin", "coordinator"]]
                for (key, value) in extra { body[key] = value }
                return try await Self.command(client, admin, body, as: browser, csrf: csrf)
            }
            let bare = try await changeAccess([:])
            #expect(bare.status == .unprocessableContent)
            #expect(JSONAPI.object(bare)["code"] as? String == "reauthentication.required")
            let wrong = try await changeAccess(["password": "not the password", "code": Self.freshCode(fixture)])
            #expect(wrong.status == .forbidden)
            #expect(JSONAPI.object(wrong)["code"] as? String == "reauthentication.wrong")
            #expect((JSONAPI.object(wrong)["detail"] as? String)?.contains("Nothing was changed") == true)
            #expect(try fixture.services.users.user(named: admin)?.roles == [.admin])

            let right = try await changeAccess(["password": WebFixture.password, "code": Self.freshCode(fixture)])
            #expect(right.status == .ok, "\(String(buffer: right.body))")
            #expect(try fixture.services.users.user(named: admin)?.roles == [.admin, .coordinator])

            let other = try await Self.command(
                client, fixture.usernames[.panelMember]!,
                ["command": "change-access", "roles": ["panel-member", "coordinator"]],
                as: browser, csrf: csrf)
            #expect(other.status == .ok, "another account's roles need no re-authentication")
        }
        let events = try Self.adminEvents(fixture)
        #expect(
            events.filter { $0.type == "user.reauthenticated.v1" }.map(\.json).map { $0.contains("add-own-role") } == [
                true
            ])
        #expect(events.contains { $0.type == "user.accessRefused.v1" && $0.json.contains("reauthentication") })
    }

    @Test("An administrator removes their own second factor only with their password and a fresh code")
    func removeOwnSecondFactorThroughTheAPI() async throws {
        let fixture = try await WebFixture()
        let admin = fixture.usernames[.admin]!
        try await fixture.application.test(.router) { client in
            let (browser, csrf) = try await Browser.signedInToTheAPI(client, admin, code: fixture.adminCode)
            let body: [String: Any] = ["command": "remove-second-factor", "reason": "New phone"]
            let bare = try await Self.command(client, admin, body, as: browser, csrf: csrf)
            #expect(JSONAPI.object(bare)["code"] as? String == "reauthentication.required")
            #expect(try fixture.services.users.user(named: admin)?.secondFactorEnrolled == true)
            var confirmed = body
            confirmed["password"] = WebFixture.password
            confirmed["code"] = Self.freshCode(fixture)
            let removed = try await Self.command(client, admin, confirmed, as: browser, csrf: csrf)
            #expect(removed.status == .ok, "\(String(buffer: removed.body))")
            #expect(try fixture.services.users.user(named: admin)?.secondFactorEnrolled == false)
        }
        #expect(
            try Self.adminEvents(fixture).contains {
                $0.type == "user.reauthenticated.v1" && $0.json.contains("remove-own-second-factor")
            })
    }

    @Test("An administrator moves their authenticator only with their password and a code from the app they have")
    func moveOwnAuthenticatorOnThePage() async throws {
        let fixture = try await WebFixture()
        let admin = fixture.usernames[.admin]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(admin, code: fixture.adminCode)
            let setup = String(buffer: try await browser.get("/account/second-factor").body)
            #expect(setup.contains(#"name="current-code""#) && setup.contains(#"name="password""#))
            let key = try #require(Browser.authenticatorKey(in: setup))
            let app = TOTP(secret: try #require(Base32.decode(key)))
            let newCode = { app.code(at: fixture.clock.now()) }

            let bare = try await browser.post("/account/second-factor", [("code", newCode())], csrf: csrf)
            #expect(bare.status == .unprocessableContent)
            #expect(String(buffer: bare.body).contains("current password"), "\(String(buffer: bare.body))")
            let wrong = try await browser.post(
                "/account/second-factor",
                [("code", newCode()), ("password", "not the password"), ("current-code", Self.freshCode(fixture))],
                csrf: csrf)
            #expect(wrong.status == .unprocessableContent)
            #expect(Browser.authenticatorKey(in: String(buffer: wrong.body)) != nil, "the same page, asking again")

            let current = Self.freshCode(fixture)
            let moved = try await browser.post(
                "/account/second-factor",
                [("code", newCode()), ("password", WebFixture.password), ("current-code", current)],
                csrf: csrf)
            #expect(moved.status == .seeOther, "\(String(buffer: moved.body))")
            #expect(moved.headers[.location] == "/account?enrolled=1")
        }
        let events = try Self.adminEvents(fixture)
        #expect(events.contains { $0.type == "user.reauthenticated.v1" && $0.json.contains("move-own-second-factor") })
        #expect(
            events.filter { $0.type == "user.secondFactorEnrolled.v1" }.count == 2, "enrolled at setup, then moved once"
        )
    }
}
