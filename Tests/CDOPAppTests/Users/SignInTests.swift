import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

@Suite("Signing in: passwords, second factors")
struct SignInTests {
    /// A password its owner chose.
    static let chosen = "a much better passphrase"

    @Test("A new account signs in with its generated password (to be changed) and the sign-in is recorded")
    func signsIn() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let user = try users.signIn("Casey.Coordinator", account.initialPassword)
        #expect(user.id == account.userID)
        #expect(user.username == "casey.coordinator")
        #expect(user.roles == [.coordinator])
        #expect(user.areas == ["NTH"])
        #expect(user.mustChangePassword)
        #expect(user.can(.coordinator) && !user.can(.admin))
        #expect(user.mayView(areaCode: "NTH") && !user.mayView(areaCode: "EST") && !user.mayView(areaCode: nil))
        let types = try users.storedEvents(of: account.userID).map(\.type)
        #expect(types == ["user.registered.v1", "user.passwordChanged.v1", "user.signedIn.v1"])
        let hash = try #require(try users.credentials(account.userID)?.passwordHash)
        #expect(PasswordHash.verify(account.initialPassword, hash: hash))
        #expect(!hash.contains(account.initialPassword))
    }

    @Test(
        "A generated password signs in once: again it is refused like a wrong one, and the session it opened may still change it"
    )
    func generatedPasswordSignsInOnce() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        #expect(try users.signIn("casey.coordinator", account.initialPassword).mustChangePassword)
        #expect(users.attempt("casey.coordinator", account.initialPassword) == .failure(.wrongCredentials))
        #expect(try users.refusalReasons(of: account.userID) == ["generated-password-used"])
        try users.directory.changePassword(account.userID, old: account.initialPassword, new: Self.chosen)
        #expect(try !users.signIn("casey.coordinator", Self.chosen).mustChangePassword)
        #expect(
            try users.signIn("casey.coordinator", Self.chosen).id == account.userID,
            "a chosen password signs in again and again")

        let reset = try users.directory.resetPassword(account.userID, by: users.admin)
        #expect(
            try users.signIn("casey.coordinator", reset).mustChangePassword, "a reset gives a new one-time password")
        #expect(users.attempt("casey.coordinator", reset) == .failure(.wrongCredentials))
    }

    @Test("Usernames are unique without case")
    func uniqueUsernames() throws {
        let users = try UserFixture()
        _ = try users.addCoordinator()
        #expect(
            throws: CommandError.rejected(
                DomainError(code: "user.usernameTaken", "The username casey.coordinator is already taken."))
        ) {
            _ = try users.addCoordinator("CASEY.Coordinator")
        }
    }

    @Test(
        "An unknown username and a wrong password get the same message; only the wrong password is recorded, without it"
    )
    func sameMessage() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let unknown = users.attempt("nobody.here", "whatever password")
        let wrong = users.attempt("casey.coordinator", "the wrong password")
        #expect(unknown == .failure(.wrongCredentials))
        #expect(wrong == .failure(.wrongCredentials))
        #expect(SignInError.wrongCredentials.description.hasPrefix("The username or password is not right."))
        let events = try users.storedEvents(of: account.userID)
        #expect(events.last?.type == "user.signInRefused.v1")
        #expect(events.last?.json.contains("wrong-password") == true)
        #expect(
            !events.contains { $0.json.contains("the wrong password") || $0.json.contains(account.initialPassword) })
    }

    @Test("A disabled account is refused once the password is right, and a reset password unlocks and replaces the old")
    func disabledAndReset() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        try users.directory.disable(account.userID, reason: "Left the panel", by: users.admin)
        #expect(users.attempt("casey.coordinator", account.initialPassword) == .failure(.disabled))
        #expect(users.attempt("casey.coordinator", "not the password") == .failure(.wrongCredentials))
        try users.directory.enable(account.userID, by: users.admin)
        for _ in 0..<5 { _ = users.attempt("casey.coordinator", "not the password") }
        let fresh = try users.directory.resetPassword(account.userID, by: users.admin)
        #expect(fresh != account.initialPassword)
        #expect(users.attempt("casey.coordinator", account.initialPassword) == .failure(.wrongCredentials))
        #expect(try users.signIn("casey.coordinator", fresh).mustChangePassword)
    }

    @Test("Changing a password needs the current one and a good new one; the old one stops working")
    func changePassword() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        #expect(throws: CommandError.self) {
            try users.directory.changePassword(account.userID, old: "not it", new: "a much better passphrase")
        }
        do {
            try users.directory.changePassword(account.userID, old: account.initialPassword, new: "password1234")
            Issue.record("a common password was accepted")
        } catch {
            #expect(error.code == "password.common", "\(error)")
        }
        try users.directory.changePassword(
            account.userID, old: account.initialPassword, new: "a much better passphrase")
        #expect(users.attempt("casey.coordinator", account.initialPassword) == .failure(.wrongCredentials))
        let user = try users.signIn("casey.coordinator", "a much better passphrase")
        #expect(!user.mustChangePassword)
        let changes = try users.storedEvents(of: account.userID).filter { $0.type == "user.passwordChanged.v1" }
        #expect(changes.map { $0.json.contains("\"reset\":false") } == [false, true])
        #expect(!changes.contains { $0.json.contains("passphrase") })
    }

    @Test("An administrator without a second factor is refused until one is enrolled; then a code is required, once")
    func adminSecondFactor() throws {
        let users = try UserFixture()
        let admin = try users.directory.addUser(
            username: "ada.admin", displayName: "Ada Admin", email: "ada@cdop.example.org", roles: [.admin], areas: [],
            by: Actor(name: "cli", role: "admin"))
        #expect(users.attempt("ada.admin", "wrong password here") == .failure(.wrongCredentials))
        #expect(
            users.attempt("ada.admin", admin.initialPassword) == .failure(.secondFactorEnrolmentRequired(admin.userID)))

        let enrolment = try users.directory.enrolSecondFactor(admin.userID)
        #expect(enrolment.otpauthURI.hasPrefix("otpauth://totp/North%20Central%20Example%20CDOP:ada.admin?secret="))
        #expect(enrolment.otpauthURI.contains(enrolment.secret))
        let pending = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        #expect(throws: CommandError.self) {
            try users.directory.confirmSecondFactor(
                admin.userID, code: "000000" == pending.code(at: users.clock.now()) ? "111111" : "000000")
        }
        #expect(
            users.attempt("ada.admin", admin.initialPassword) == .failure(.secondFactorEnrolmentRequired(admin.userID)),
            "an unconfirmed secret is not a second factor")
        try users.directory.confirmSecondFactor(admin.userID, code: pending.code(at: users.clock.now()))
        #expect(try users.directory.user(admin.userID)?.secondFactorEnrolled == true)

        users.clock.advance(minutes: 1)
        #expect(users.attempt("ada.admin", admin.initialPassword) == .failure(.secondFactorRequired))
        let code = try users.code(for: admin.userID)
        let wrong = code == "123456" ? "654321" : "123456"
        #expect(users.attempt("ada.admin", admin.initialPassword, code: wrong) == .failure(.codeWrong))
        #expect(try users.signIn("ada.admin", admin.initialPassword, code: code).can(.admin))
        try users.directory.changePassword(admin.userID, old: admin.initialPassword, new: Self.chosen)
        #expect(users.attempt("ada.admin", Self.chosen, code: code) == .failure(.codeReused))
        users.clock.advance(minutes: 1)
        #expect(try users.signIn("ada.admin", Self.chosen, code: try users.code(for: admin.userID)).id == admin.userID)

        let events = try users.storedEvents(of: admin.userID)
        #expect(events.contains { $0.type == "user.secondFactorEnrolled.v1" })
        #expect(!events.contains { $0.json.contains(enrolment.secret) || $0.json.contains(code) })
        let signIns = events.filter { $0.type == "user.signedIn.v1" }
        #expect(signIns.count == 2 && signIns.allSatisfy { $0.json.contains("\"withSecondFactor\":true") })
    }

    @Test("A coordinator who enrols a second factor must then give a code; removing it lifts that")
    func optionalSecondFactor() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let enrolment = try users.directory.enrolSecondFactor(account.userID)
        let totp = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        try users.directory.confirmSecondFactor(account.userID, code: totp.code(at: users.clock.now()))
        #expect(users.attempt("casey.coordinator", account.initialPassword) == .failure(.secondFactorRequired))
        users.clock.advance(minutes: 1)
        #expect(
            try users.signIn("casey.coordinator", account.initialPassword, code: totp.code(at: users.clock.now())).id
                == account.userID)
        try users.directory.changePassword(account.userID, old: account.initialPassword, new: Self.chosen)
        try users.directory.removeSecondFactor(account.userID, reason: "Phone lost", by: users.admin)
        #expect(try users.signIn("casey.coordinator", Self.chosen).id == account.userID)
        #expect(try users.directory.user(account.userID)?.secondFactorEnrolled == false)
    }
}
