import CDOPApp
import CDOPHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Behind a reverse proxy every connection comes from the proxy: the client is the one its `X-Forwarded-For`
/// names, but only when the proxy is trusted (`CDOP_TRUSTED_PROXIES`); anyone else's header is ignored.
@Suite("Client addresses behind a proxy")
struct ClientAddressTests {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func notify(_ client: any TestClientProtocol, from forwarded: String?) async throws -> HTTPResponse.Status {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let forwarded { headers[forwardedFor] = forwarded }
        return try await client.execute(
            uri: "/api/v1/notifications", method: .post, headers: headers,
            body: ByteBuffer(bytes: try JSONAPI.exampleNotification())
        ).status
    }

    @Test("Behind a trusted proxy, each client has its own limit")
    func behindATrustedProxyEachClientHasItsOwnLimit() async throws {
        let fixture = try await WebFixture(limits: RateLimits(notifications: RateLimiter(capacity: 1, perMinute: 1))) {
            $0.trustedProxies = TrustedProxies([IPAddressRange("127.0.0.1")!, IPAddressRange("::1")!])
        }
        fixture.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T09:00:00Z")!)
        try await fixture.application.test(.live) { client in
            let status1 = try await Self.notify(client, from: "203.0.113.7")
            #expect(status1 == .created)
            let status2 = try await Self.notify(client, from: "203.0.113.7")
            #expect(status2 == .tooManyRequests)
            let status3 = try await Self.notify(client, from: "198.51.100.20")
            #expect(status3 == .created, "another client behind the same proxy")
            // A client cannot pick its address: the proxy appends the one it saw, and that is the one believed.
            let status4 = try await Self.notify(client, from: "192.0.2.99, 203.0.113.7")
            #expect(status4 == .tooManyRequests)
        }
    }

    @Test("The header of an untrusted peer is ignored")
    func theHeaderOfAnUntrustedPeerIsIgnored() async throws {
        let fixture = try await WebFixture(limits: RateLimits(notifications: RateLimiter(capacity: 1, perMinute: 1)))
        fixture.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T09:00:00Z")!)
        try await fixture.application.test(.live) { client in
            let status5 = try await Self.notify(client, from: "203.0.113.7")
            #expect(status5 == .created)
            let status6 = try await Self.notify(client, from: "198.51.100.20")
            #expect(status6 == .tooManyRequests, "the header is not believed")
        }
    }

    @Test("The client is the right-most address that is not a trusted proxy")
    func theClientIsTheRightMostAddressThatIsNotATrustedProxy() throws {
        let proxies = try #require(try? TrustedProxies.parsing("127.0.0.1, 10.0.0.0/8,::1"))
        #expect(proxies.clientAddress(peer: "127.0.0.1", forwardedFor: ["192.0.2.1, 203.0.113.7"]) == "203.0.113.7")
        #expect(proxies.clientAddress(peer: "127.0.0.1", forwardedFor: ["203.0.113.7, 10.1.2.3"]) == "203.0.113.7")
        #expect(proxies.clientAddress(peer: "127.0.0.1", forwardedFor: ["192.0.2.1", "203.0.113.7"]) == "203.0.113.7")
        #expect(proxies.clientAddress(peer: "::ffff:127.0.0.1", forwardedFor: ["2001:db8::1"]) == "2001:db8::1")
        #expect(proxies.clientAddress(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
        #expect(
            proxies.clientAddress(peer: "127.0.0.1", forwardedFor: ["10.0.0.5"]) == "10.0.0.5",
            "all trusted: the farthest")
        #expect(
            proxies.clientAddress(peer: "192.0.2.50", forwardedFor: ["203.0.113.7"]) == "192.0.2.50", "untrusted peer")
        #expect(!TrustedProxies().trusts("127.0.0.1"), "no proxy is trusted by default")
        #expect((try? TrustedProxies.parsing("127.0.0.1, example.org")) == nil)
        #expect(IPAddressRange("10.0.0.0/33") == nil && IPAddressRange("fd00::/8")?.contains("fd12::1") == true)
        #expect(IPAddressRange("192.168.0.0/16")?.contains("192.169.0.1") == false)
    }
}
