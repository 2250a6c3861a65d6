import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Security headers, sessions, tokens and rate limits")
struct SecurityTests {
    @Test("Every response carries a strict Content-Security-Policy and no caching")
    func everyResponseCarriesAStrictContentSecurityPolicyAndNoCaching() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            for uri in ["/notify", "/sign-in", "/dashboard", "/forms/nonsense"] {
                let response = try await client.execute(uri: uri, method: .get)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(!policy.contains("unsafe-inline"))
                #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test("The session cookie is HttpOnly and SameSite=Strict")
    func theSessionCookieIsHttpOnlyAndSameSiteStrict() async throws {
        let fixture = try await WebFixture()
        let username = fixture.usernames[.coordinator]!
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.postSignIn([("username", username), ("password", WebFixture.password)])
            #expect(response.status == .seeOther)
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("cdop_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(cookie)")
            #expect(!cookie.contains("Secure"), "plain http on loopback: no Secure flag")
        }
    }

    @Test("A staff form post without the session's token is refused")
    func aStaffFormPostWithoutTheSessionsTokenIsRefused() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.engine.workflow.notify(
            fixture.notification(), by: Actor(name: "t", role: "coordinator")
        ).caseID
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let forged = try await browser.post(
                "/cases/\(caseID)/duplicate", [("decision", "reject")], csrf: "not-the-token")
            #expect(forged.status == .forbidden)
            let missing = try await browser.post("/cases/\(caseID)/duplicate", [("decision", "reject")])
            #expect(missing.status == .forbidden)
            let genuine = try await browser.post("/cases/\(caseID)/duplicate", [("decision", "reject")], csrf: csrf)
            #expect(genuine.status == .seeOther)
        }
    }

    @Test("Signing out ends the session")
    func signingOutEndsTheSession() async throws {
        let fixture = try await WebFixture()
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let cookie = browser.cookies["cdop_session"]
            #expect(try await browser.get("/dashboard").status == .ok)
            _ = try await browser.post("/sign-out", [], csrf: csrf)
            var replay = Browser(browser.client)
            replay.cookies["cdop_session"] = cookie
            let response = try await replay.get("/dashboard")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.hasPrefix("/sign-in") == true)
        }
    }

    @Test("A body over the limit is refused")
    func aBodyOverTheLimitIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.get("/notify")
            let huge = String(repeating: "a", count: WebLimits.maxFormBytes + 10)
            let response = try await browser.post("/notify", [("circumstances", huge)])
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test("A notification form with errors to correct does not use up the address's limit")
    func aNotificationFormWithErrorsToCorrectDoesNotUseUpTheAddresssLimit() async throws {
        let fixture = try await WebFixture(limits: RateLimits(notifications: RateLimiter(capacity: 2, perMinute: 1)))
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/notify")
            let csrf = Browser.hiddenCSRF(in: String(buffer: page.body)) ?? ""
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 { statuses.append(try await browser.post("/notify", [], csrf: csrf).status) }
            #expect(statuses == Array(repeating: .unprocessableContent, count: 4))
        }
    }

    @Test("Accepted notifications are limited per address, and refused ones are not")
    func acceptedNotificationsAreLimitedPerAddressAndRefusedOnesAreNot() async throws {
        let fixture = try await WebFixture(limits: RateLimits(notifications: RateLimiter(capacity: 2, perMinute: 1)))
        fixture.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T09:00:00Z")!)
        let valid = try JSONAPI.exampleNotification()
        try await fixture.application.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for body in [Data("{}".utf8), valid, Data("{\"child\": 1}".utf8), valid, Data("{}".utf8), valid] {
                statuses.append(try await JSONAPI.post(client, "/api/v1/notifications", body).status)
            }
            #expect(
                statuses == [
                    .unprocessableContent, .created, .unprocessableContent, .created, .tooManyRequests,
                    .tooManyRequests,
                ])
        }
    }

    @Test("Rate limit buckets refill with time")
    func rateLimitBucketsRefillWithTime() async {
        let limiter = RateLimiter(capacity: 2, perMinute: 2)
        let start = Date(timeIntervalSince1970: 1_000_000)
        #expect(await limiter.allow("a", now: start))
        #expect(await limiter.allow("a", now: start))
        #expect(await !limiter.allow("a", now: start))
        #expect(await limiter.allow("b", now: start), "another address has its own bucket")
        #expect(await limiter.allow("a", now: start.addingTimeInterval(31)))
    }
}
