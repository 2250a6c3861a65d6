import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// An administrator's changes to their own account ask for the password and a fresh one-time code again.
@Suite("Re-authentication before an administrator changes their own account")
struct ReauthenticationTests {
    static let password = "an administrator's passphrase"
    static let here = "203.0.113.5"

    /// An administrator with a chosen password and a confirmed authenticator, and that authenticator.
    static func administrator(_ users: UserFixture) throws -> (UserID, TOTP) {
        let admin = try users.directory.addUser(
            username: "ada.admin", displayName: "Ada Admin", email: "ada@cdop.example.org", roles: [.admin], areas: [],
            by: users.admin)
        try users.directory.changePassword(admin.userID, old: admin.initialPassword, new: Self.password)
        let enrolment = try users.directory.enrolSecondFactor(admin.userID)
        let totp = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        try users.directory.confirmSecondFactor(admin.userID, code: totp.code(at: users.clock.now()))
        users.clock.advance(minutes: 1)
        return (admin.userID, totp)
    }

    /// Why re-authenticating was refused; nil when it was accepted.
    func reauthenticate(_ users: UserFixture, _ id: UserID, _ password: String, _ code: String)
        -> ReauthenticationError?
    {
        do throws(ReauthenticationError) {
            try users.directory.reauthenticate(
                id, password: password, code: code, for: .addOwnRole, source: Self.here, now: users.clock.now())
            return nil
        } catch {
            return error
        }
    }

    @Test("The right password and a fresh code are recorded with what they authorised, and the code is used up")
    func recordedWithItsPurpose() throws {
        let users = try UserFixture()
        let (id, totp) = try Self.administrator(users)
        let code = totp.code(at: users.clock.now())
        #expect(reauthenticate(users, id, Self.password, code) == nil)
        let events = try users.storedEvents(of: id).filter { $0.type == "user.reauthenticated.v1" }
        #expect(events.map(\.json).allSatisfy { $0.contains("\"purpose\":\"add-own-role\"") } && events.count == 1)
        #expect(!events.contains { $0.json.contains(code) || $0.json.contains(Self.password) })
        #expect(reauthenticate(users, id, Self.password, code) == .wrong, "a code works once")
    }

    @Test(
        "A wrong password or code refuses, is recorded as a refused access, and counts towards holding the place back")
    func wrongAnswersCount() throws {
        let users = try UserFixture()
        let (id, totp) = try Self.administrator(users)
        let code = totp.code(at: users.clock.now())
        #expect(reauthenticate(users, id, "not the password", code) == .wrong)
        #expect(reauthenticate(users, id, Self.password, code == "000000" ? "111111" : "000000") == .wrong)
        #expect(reauthenticate(users, id, Self.password, "") == .missing(.addOwnRole), "nothing given: not counted")
        #expect(reauthenticate(users, id, "still not it", code) == .wrong)
        #expect(reauthenticate(users, id, Self.password, code) == .heldBack, "three failures hold the place back")
        let refusals = try users.storedEvents(of: id).filter { $0.type == "user.accessRefused.v1" }
        #expect(refusals.count == 4 && refusals.allSatisfy { $0.json.contains("\"reason\":\"reauthentication\"") })
        #expect(!(try users.storedEvents(of: id).contains { $0.type == "user.reauthenticated.v1" }))
        #expect(
            users.attempt("ada.admin", Self.password, code: code, from: Self.here) == .failure(.wrongCredentials),
            "sign-in from there is held back too")
    }

    @Test(
        "Only an administrator's own widening changes need it: a role added to themself, their second factor removed or moved"
    )
    func whichChanges() {
        let me = UserID(UUID())
        let other = UserID(UUID())
        let admin = AuthenticatedUser(id: me, username: "ada.admin", displayName: "Ada", roles: [.admin], areas: [])
        let coordinator = AuthenticatedUser(
            id: me, username: "casey", displayName: "Casey", roles: [.coordinator], areas: [])
        #expect(SelfChange.accessChange(by: admin, of: me, to: [.admin, .coordinator]) == .addOwnRole)
        #expect(SelfChange.accessChange(by: admin, of: me, to: [.coordinator]) == .addOwnRole)
        #expect(SelfChange.accessChange(by: admin, of: me, to: [.admin]) == nil, "the same roles widen nothing")
        #expect(SelfChange.accessChange(by: admin, of: other, to: [.admin, .coordinator]) == nil, "another account")
        #expect(SelfChange.accessChange(by: coordinator, of: me, to: [.coordinator, .panelMember]) == nil)
        #expect(SelfChange.secondFactorRemoval(by: admin, of: me) == .removeOwnSecondFactor)
        #expect(SelfChange.secondFactorRemoval(by: admin, of: other) == nil)
        #expect(SelfChange.secondFactorMove(by: admin, hasSecondFactor: true) == .moveOwnSecondFactor)
        #expect(
            SelfChange.secondFactorMove(by: admin, hasSecondFactor: false) == nil, "a first enrolment moves nothing")
        #expect(SelfChange.secondFactorMove(by: coordinator, hasSecondFactor: true) == nil)
    }
}
