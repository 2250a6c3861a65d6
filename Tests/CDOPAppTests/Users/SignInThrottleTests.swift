import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// Failed sign-ins slow down one username from one place, never the account for everyone; every failure reads
/// the same; the owner is told by email once an episode.
@Suite("Sign-ins held back after failures")
struct SignInThrottleTests {
    static let here = "203.0.113.5"
    static let elsewhere = "198.51.100.7"
    static let second: Double = 1.0 / 60

    /// Every run of failures kept, as its stored keys.
    static func throttleRows(_ users: UserFixture) throws -> [String] {
        try users.engine.sqliteStore!.read { db in
            try String.fetchAll(db, sql: "SELECT account_key || source_key FROM sign_in_throttle")
        }
    }

    @Test(
        "After three failures, attempts wait 1, 2, 4 … seconds after each further failure, never more than 15 minutes")
    func delays() {
        let throttle = SignInThrottle()
        let delays = [1, 2, 3, 4, 5, 6, 12, 13, 14, 40].map { throttle.delay(afterFailures: $0) }
        #expect(delays == [nil, nil, 1, 2, 4, 8, 512, 900, 900, 900])
    }

    @Test(
        "Three failures from one place hold that username back there: even the right password is refused, as if wrong")
    func heldBackWithoutCheckingThePassword() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let password = "a passphrase of their own"
        try users.directory.changePassword(account.userID, old: account.initialPassword, new: password)
        for _ in 0..<3 {
            #expect(
                users.attempt("casey.coordinator", "not the password", from: Self.here) == .failure(.wrongCredentials))
        }
        #expect(users.attempt("casey.coordinator", password, from: Self.here) == .failure(.wrongCredentials))
        #expect(
            try users.refusalReasons(of: account.userID) == [
                "wrong-password", "wrong-password", "wrong-password", "throttled",
            ])
        users.clock.advance(minutes: Self.second)
        #expect(try users.signIn("casey.coordinator", password, from: Self.here).id == account.userID)
        // The success ended the run: three more failures are needed before the place is held back again.
        for _ in 0..<2 { _ = users.attempt("casey.coordinator", "not the password", from: Self.here) }
        #expect(try users.signIn("casey.coordinator", password, from: Self.here).id == account.userID)
    }

    @Test("Failures from one place never stop the administrator signing in from another: nobody can lock anyone out")
    func anotherPlaceStillSignsIn() throws {
        let users = try UserFixture()
        let admin = try users.directory.addUser(
            username: "ada.admin", displayName: "Ada Admin", email: "ada@cdop.example.org", roles: [.admin], areas: [],
            by: users.admin)
        let enrolment = try users.directory.enrolSecondFactor(admin.userID)
        let totp = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        try users.directory.confirmSecondFactor(admin.userID, code: totp.code(at: users.clock.now()))
        for minute in 0..<20 {
            users.clock.advance(minutes: Double(minute))
            _ = users.attempt("ada.admin", "guess number \(minute)", from: Self.here)
        }
        #expect(users.attempt("ada.admin", admin.initialPassword, from: Self.here) == .failure(.wrongCredentials))
        users.clock.advance(minutes: 1)
        let code = totp.code(at: users.clock.now())
        #expect(
            try users.signIn("ada.admin", admin.initialPassword, code: code, from: Self.elsewhere).id == admin.userID)
        #expect(
            users.attempt(" ADA.Admin", admin.initialPassword, code: code, from: Self.here)
                == .failure(.wrongCredentials),
            "the same username typed otherwise is the same run")
    }

    @Test("An unknown username is counted and held back like a known one, with the same answer")
    func unknownUsernames() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        var answers: [Result<AuthenticatedUser, SignInError>] = []
        for _ in 0..<4 { answers.append(users.attempt("nobody.here", "whatever password", from: Self.here)) }
        for _ in 0..<3 { answers.append(users.attempt("casey.coordinator", "not the password", from: Self.here)) }
        answers.append(users.attempt("casey.coordinator", account.initialPassword, from: Self.here))
        #expect(answers.allSatisfy { $0 == .failure(.wrongCredentials) })
        let rows = try Self.throttleRows(users)
        #expect(rows.count == 2, "one run for each username from that place")
        #expect(!rows.joined().contains("nobody") && !rows.joined().contains(Self.here), "only digests are kept")
    }

    @Test("When a place begins to be held back the owner is emailed, once an episode; a success ends the episode")
    func ownerIsToldOnceAnEpisode() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        func fail(_ times: Int, from source: String) {
            for _ in 0..<times {
                _ = users.attempt("casey.coordinator", "not the password", from: source)
                users.clock.advance(minutes: 16)
            }
        }
        fail(8, from: Self.here)
        fail(3, from: Self.elsewhere)
        var notices = try users.storedEvents(of: account.userID).filter { $0.type == "user.signInThrottled.v1" }
        #expect(notices.count == 1, "one episode, however many failures and places")
        #expect(notices.first?.json.contains("\"failures\":3") == true)
        let outbox = try users.engine.sqliteStore!.read { db in try OutboxQueries.list(state: "pending", in: db) }
        #expect(outbox.map(\.template) == ["sign-in-held-back"])
        #expect(outbox.first?.recipientAddress == "casey@cdop.example.org")
        #expect(outbox.first?.streamID == account.userID.streamID)

        _ = try users.signIn("casey.coordinator", account.initialPassword, from: Self.elsewhere)
        fail(3, from: Self.here)
        notices = try users.storedEvents(of: account.userID).filter { $0.type == "user.signInThrottled.v1" }
        #expect(notices.count == 2, "signing in ended the episode; the next holding back is told again")
    }

    @Test("A password reset ends the holding back from every place")
    func resetClearsEveryPlace() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        for source in [Self.here, Self.elsewhere] {
            for _ in 0..<3 { _ = users.attempt("casey.coordinator", "not the password", from: source) }
        }
        let fresh = try users.directory.resetPassword(account.userID, by: users.admin)
        #expect(try users.signIn("casey.coordinator", fresh, from: Self.here).id == account.userID)
        #expect(try Self.throttleRows(users).isEmpty)
    }
}
