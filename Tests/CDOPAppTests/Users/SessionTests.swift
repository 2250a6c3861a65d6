import CDOPApp
import CDOPDomain
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

@Suite("Sessions: expiry, disabled users, CSRF, sign-out")
struct SessionTests {
    @Test("A session resolves to its user; the database keeps only the token's digest")
    func resolves() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let (token, csrf) = try users.directory.sessions.create(for: account.userID, now: users.clock.now())
        let session = try #require(try users.directory.sessions.resolve(token: token, now: users.clock.now()))
        #expect(session.user.id == account.userID)
        #expect(session.user.areas == ["NTH"])
        #expect(session.csrfToken == csrf)
        #expect(
            session.accepts(csrf: csrf) && !session.accepts(csrf: nil) && !session.accepts(csrf: SecretToken.make()))
        let stored = try users.engine.sqliteStore!.read { db in
            try String.fetchAll(db, sql: "SELECT token_hash FROM sessions")
        }
        #expect(stored == [SecretToken.digest(token)])
        #expect(try users.directory.sessions.resolve(token: SecretToken.make(), now: users.clock.now()) == nil)
    }

    @Test("A session dies after 30 idle minutes; each use moves that on, but never past 12 hours from sign-in")
    func expiry() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let sessions = users.directory.sessions
        let idle = try sessions.create(for: account.userID, now: users.clock.now())
        let busy = try sessions.create(for: account.userID, now: users.clock.now())
        users.clock.advance(minutes: 29)
        #expect(try sessions.resolve(token: busy.token, now: users.clock.now()) != nil)
        users.clock.advance(minutes: 2)
        #expect(try sessions.resolve(token: idle.token, now: users.clock.now()) == nil, "31 idle minutes")
        #expect(try sessions.resolve(token: busy.token, now: users.clock.now()) != nil, "used 2 minutes ago")
        for _ in 0..<((12 * 60 - 31) / 20) {
            users.clock.advance(minutes: 20)
            #expect(try sessions.resolve(token: busy.token, now: users.clock.now()) != nil)
        }
        let last = try #require(try sessions.resolve(token: busy.token, now: users.clock.now()))
        #expect(last.expiresAt <= last.absoluteExpiry)
        users.clock.set(last.absoluteExpiry)
        #expect(try sessions.resolve(token: busy.token, now: users.clock.now()) == nil, "12 hours after sign-in")
        #expect(
            try users.engine.sqliteStore!.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions") } == 0
        )
    }

    @Test("Timeouts are parameters")
    func parameters() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let sessions = SessionStore(store: users.engine.sqliteStore!, idleTimeout: 60, absoluteLifetime: 90)
        let session = try sessions.create(for: account.userID, now: users.clock.now())
        users.clock.advance(minutes: 0.9)
        #expect(
            try sessions.resolve(token: session.token, now: users.clock.now())?.expiresAt
                == users.clock.now().addingTimeInterval(36))
        users.clock.advance(minutes: 0.6)
        #expect(try sessions.resolve(token: session.token, now: users.clock.now()) == nil)
    }

    @Test("Disabling a user ends their sessions; a password reset too; sign-out ends one and is recorded")
    func endings() throws {
        let users = try UserFixture()
        let casey = try users.addCoordinator()
        let other = try users.addCoordinator("pat.coordinator")
        let sessions = users.directory.sessions
        let first = try sessions.create(for: casey.userID, now: users.clock.now())
        let second = try sessions.create(for: casey.userID, now: users.clock.now())
        let pats = try sessions.create(for: other.userID, now: users.clock.now())
        try users.directory.disable(casey.userID, reason: "Left the panel", by: users.admin)
        #expect(try sessions.resolve(token: first.token, now: users.clock.now()) == nil)
        #expect(try sessions.resolve(token: second.token, now: users.clock.now()) == nil)
        #expect(try sessions.resolve(token: pats.token, now: users.clock.now()) != nil)

        // A session opened for a user disabled since (e.g. by another process) dies when next used.
        let late = try sessions.create(for: other.userID, now: users.clock.now())
        try users.engine.workflow.handler.run(by: users.admin) { session throws(CommandError) in
            try session.decide(UserDecider.self, other.userID.streamID, .disable(reason: "Left"))
        }
        #expect(try sessions.resolve(token: late.token, now: users.clock.now()) == nil)
        try users.directory.enable(other.userID, by: users.admin)

        let kept = try sessions.create(for: other.userID, now: users.clock.now())
        _ = try users.directory.resetPassword(other.userID, by: users.admin)
        #expect(try sessions.resolve(token: kept.token, now: users.clock.now()) == nil)

        let signedIn = try sessions.create(for: other.userID, now: users.clock.now())
        try users.directory.signOut(token: signedIn.token, now: users.clock.now())
        #expect(try sessions.resolve(token: signedIn.token, now: users.clock.now()) == nil)
        #expect(try users.storedEvents(of: other.userID).last?.type == "user.signedOut.v1")
    }

    @Test("The session cookie is HttpOnly and SameSite=Strict, and Secure behind TLS")
    func cookie() {
        #expect(SessionCookie.setCookie("abc", secure: false) == "cdop_session=abc; Path=/; HttpOnly; SameSite=Strict")
        #expect(SessionCookie.setCookie("abc", secure: true).hasSuffix("; Secure"))
        #expect(SessionCookie.clearCookie(secure: true).contains("Max-Age=0"))
    }
}
