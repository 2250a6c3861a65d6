import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// An engine with a user directory at bcrypt's lowest cost, and helpers to read what it wrote.
struct UserFixture {
    let app: AppFixture
    let directory: UserDirectory
    let admin = Actor(name: "ada.admin", role: "admin")

    init() throws {
        app = try AppFixture()
        directory = UserDirectory(engine: app.engine, bcryptCost: 4)
    }

    var clock: TestClock { app.clock }
    var engine: Engine { app.engine }

    /// A coordinator for the northern area, with their generated password.
    func addCoordinator(_ username: String = "casey.coordinator") throws -> UserDirectory.NewAccount {
        try directory.addUser(
            username: username, displayName: "Casey Coordinator", email: "casey@cdop.example.org",
            roles: [.coordinator],
            areas: ["NTH"], by: admin)
    }

    /// Signs in at the clock's time, from `source` (a client's address; nil: the command line).
    func signIn(
        _ username: String, _ password: String, code: String? = nil, from source: String? = nil
    ) throws(SignInError) -> AuthenticatedUser {
        try directory.authenticate(username: username, password: password, code: code, source: source, now: clock.now())
    }

    /// The result of signing in, as a value.
    func attempt(
        _ username: String, _ password: String, code: String? = nil, from source: String? = nil
    ) -> Result<AuthenticatedUser, SignInError> {
        do throws(SignInError) {
            return .success(try signIn(username, password, code: code, from: source))
        } catch {
            return .failure(error)
        }
    }

    /// The reasons of the refused sign-ins recorded on a user's stream, in order.
    func refusalReasons(of userID: UserID) throws -> [String] {
        try storedEvents(of: userID).filter { $0.type == "user.signInRefused.v1" }
            .compactMap { $0.json.firstMatch(of: /"reason":"([a-z-]+)"/).map { String($0.1) } }
    }

    /// Every event of a user's stream as stored: type names and raw JSON.
    func storedEvents(of userID: UserID) throws -> [(type: String, json: String)] {
        try engine.store.readStream(userID.streamID).map { ($0.type, String(decoding: $0.data, as: UTF8.self)) }
    }

    func credentials(_ userID: UserID) throws -> Credentials? {
        try engine.sqliteStore!.read { db in try Credentials.fetch(userID, in: db) }
    }

    /// The current code of a user's confirmed second factor.
    func code(for userID: UserID, at instant: Date? = nil) throws -> String {
        let totp = try #require(try credentials(userID)?.totp)
        return totp.code(at: instant ?? clock.now())
    }
}
