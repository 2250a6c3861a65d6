import Foundation
import Testing

@testable import CDOPDomain

@Suite("Staff accounts")
struct UserTests {
    static let user: UserID = Sample.id(501)
    static let register = UserCommand.register(
        userID: user, username: "Casey.Coordinator", displayName: "Casey Coordinator", email: "casey@cdop.example.org",
        roles: [.coordinator], areas: ["E06000901", "e06000902"])

    @Test("An account is registered with a lower-case username, sorted roles and upper-case area codes; only once")
    func registers() throws {
        let events = try history(UserDecider.self, [Self.register])
        let state = UserDecider.fold(events)
        #expect(state.username == "casey.coordinator")
        #expect(state.roles == [.coordinator])
        #expect(state.areas == ["E06000901", "E06000902"])
        #expect(state.createdAt == Sample.now)
        #expect(!state.requiresSecondFactor)
        Given(UserDecider.self, events).when(Self.register).thenRejected("user.alreadyExists")
    }

    @Test("Registration names the field that is wrong: username, display name, email, roles, areas")
    func checks() {
        let given = Given(UserDecider.self, [])
        func register(
            username: String = "casey", name: String = "Casey", email: String = "casey@cdop.example.org",
            roles: Set<StaffRole> = [.coordinator], areas: Set<String> = []
        ) -> UserCommand {
            .register(
                userID: Self.user, username: username, displayName: name, email: email, roles: roles, areas: areas)
        }
        given.when(register(username: " ")).thenRejected("user.usernameMissing")
        let invalid = given.when(register(username: "casey smith")).thenRejected("user.invalidUsername")
        #expect(invalid?.description.contains("username") == true)
        given.when(register(username: "ab")).thenRejected("user.invalidUsername")
        given.when(register(username: ".casey")).thenRejected("user.invalidUsername")
        given.when(register(name: "")).thenRejected("user.displayNameMissing")
        let email = given.when(register(email: "casey@")).thenRejected("input.invalidEmail")
        #expect(email?.description.contains("email") == true)
        let roles = given.when(register(roles: [])).thenRejected("user.roleMissing")
        #expect(roles?.description.contains("roles") == true)
        let area = given.when(register(areas: ["E06000999"])).thenRejected("user.unknownArea")
        #expect(area?.description.contains("E06000999") == true)
        #expect(area?.description.contains("E06000901") == true)
    }

    @Test("Disable needs a reason and happens once; enable only undoes a disable; a disabled user cannot sign in")
    func disableAndEnable() throws {
        let events = try history(UserDecider.self, [Self.register])
        Given(UserDecider.self, events).when(.disable(reason: " ")).thenRejected("input.reasonMissing")
        Given(UserDecider.self, events).when(.enable).then([])
        let disabled = try history(UserDecider.self, [.disable(reason: "Left the panel")], from: events)
        #expect(UserDecider.fold(disabled).isDisabled)
        Given(UserDecider.self, disabled).when(.disable(reason: "again")).then([])
        Given(UserDecider.self, disabled).when(.recordSignIn(withSecondFactor: false)).thenRejected("user.disabled")
        let enabled = Given(UserDecider.self, disabled).when(.enable)
        #expect(enabled.events?.count == 1)
        #expect(!enabled.state.isDisabled)
        Given(UserDecider.self, []).when(.disable(reason: "x")).thenRejected("user.notFound")
    }

    @Test("Roles and areas change only when different, and are checked like at registration")
    func changeAccess() throws {
        let events = try history(UserDecider.self, [Self.register])
        Given(UserDecider.self, events).when(.changeAccess(roles: [.coordinator], areas: ["E06000902", "E06000901"]))
            .then([])
        let widened = Given(UserDecider.self, events).when(
            .changeAccess(roles: [.coordinator, .panelMember], areas: []))
        #expect(widened.state.roles == [.coordinator, .panelMember])
        #expect(widened.state.areas.isEmpty)
        Given(UserDecider.self, events).when(.changeAccess(roles: [], areas: [])).thenRejected("user.roleMissing")
        Given(UserDecider.self, events).when(.changeAccess(roles: [.admin], areas: ["XX"])).thenRejected(
            "user.unknownArea")
    }

    @Test("An admin must sign in with a second factor; others once they have enrolled one, until it is removed")
    func secondFactor() throws {
        let admin = try history(
            UserDecider.self,
            [
                .register(
                    userID: Self.user, username: "ada", displayName: "Ada Admin", email: "ada@cdop.example.org",
                    roles: [.admin], areas: [])
            ])
        Given(UserDecider.self, admin).when(.recordSignIn(withSecondFactor: false)).thenRejected(
            "user.secondFactorRequired")
        let events = try history(UserDecider.self, [Self.register])
        #expect(Given(UserDecider.self, events).when(.recordSignIn(withSecondFactor: false)).events?.count == 1)
        Given(UserDecider.self, events).when(.removeSecondFactor(reason: "Phone lost")).thenRejected(
            "user.noSecondFactor")
        let enrolled = try history(UserDecider.self, [.recordSecondFactorEnrolled], from: events)
        #expect(UserDecider.fold(enrolled).requiresSecondFactor)
        Given(UserDecider.self, enrolled).when(.recordSignIn(withSecondFactor: false)).thenRejected(
            "user.secondFactorRequired")
        let removed = Given(UserDecider.self, enrolled).when(.removeSecondFactor(reason: "Phone lost"))
        #expect(!removed.state.secondFactorEnrolled)
    }

    @Test(
        "The access log records case views and refusals without changing the account; a refusal names what, and the case it was for"
    )
    func accessLog() throws {
        let events = try history(UserDecider.self, [Self.register])
        let before = UserDecider.fold(events)
        let viewed = Given(UserDecider.self, events).when(.recordCaseViewed(caseID: Sample.caseID, view: .casePage))
        #expect(viewed.events == [.caseViewed(UserViewedCase(caseID: Sample.caseID, view: .casePage, at: Sample.now))])
        #expect(viewed.state == before)
        let refused = Given(UserDecider.self, events).when(
            .recordAccessRefused(resource: "GET /admin/users", reason: .role))
        #expect(refused.state == before)
        #expect(refused.events?.first?.summary == "Refused GET /admin/users: role does not allow it")
        let named = Given(UserDecider.self, events).when(
            .recordAccessRefused(resource: "GET /cases/:case", reason: .area, caseID: Sample.caseID))
        #expect(
            named.events == [
                .accessRefused(
                    UserAccessRefused(
                        resource: "GET /cases/:case", reason: .area, caseID: Sample.caseID, at: Sample.now))
            ])
        #expect(
            named.events?.first?.summary == "Refused GET /cases/:case (case \(Sample.caseID)): outside the user's areas"
        )
        Given(UserDecider.self, events).when(.recordAccessRefused(resource: " ", reason: .area)).thenRejected(
            "user.resourceMissing")
        Given(UserDecider.self, []).when(.recordCaseViewed(caseID: Sample.caseID, view: .notification)).thenRejected(
            "user.notFound")
    }

    @Test("Holding back sign-ins tells the owner once an episode: again only after they sign in, or a day later")
    func throttleNoticeOncePerEpisode() throws {
        let first = try history(UserDecider.self, [Self.register, .recordSignInThrottled(failures: 3)])
        #expect(UserDecider.fold(first).throttleNotices == [Sample.now])
        Given(UserDecider.self, first).when(
            .recordSignInThrottled(failures: 3), context: Sample.context(plusDays: 0, hours: 23)
        )
        .then([])
        let nextDay = Given(UserDecider.self, first).when(
            .recordSignInThrottled(failures: 3), context: Sample.context(plusDays: 1))
        #expect(nextDay.events?.count == 1)
        let signedIn = try history(
            UserDecider.self, [.recordSignIn(withSecondFactor: false)], context: Sample.context(plusDays: 0, hours: 1),
            from: first)
        let again = Given(UserDecider.self, signedIn).when(
            .recordSignInThrottled(failures: 3), context: Sample.context(plusDays: 0, hours: 2))
        #expect(again.events?.count == 1)
    }

    @Test("Each notice is one email to the owner, pending until its outcome is recorded once")
    func throttleNoticeEmails() throws {
        let events = try history(UserDecider.self, [Self.register, .recordSignInThrottled(failures: 4)])
        let emails = UserDecider.fold(events).outboxEmails
        #expect(emails.map(\.id) == ["sign-in-held-back:1"])
        #expect(emails.first?.recipient == .accountOwner(email: "casey@cdop.example.org", name: "Casey Coordinator"))
        #expect(emails.first?.state == .pending)
        let outcome = GoldenExamples.accountNotice("sign-in-held-back:1")
        let sent = try history(UserDecider.self, [.recordEmailSent(outcome)], from: events)
        #expect(UserDecider.fold(sent).outboxEmails.first?.state == .sent)
        Given(UserDecider.self, sent).when(.recordEmailFailed(outcome, reason: "550")).then([])
    }

    @Test("Only account events are marked as changing the users read model")
    func accountEvents() {
        #expect(UserEvent.accountTypeNames.isSubset(of: Set(UserEvent.allTypeNames)))
        #expect(!UserEvent.accountTypeNames.contains(UserViewedCase.typeName))
        #expect(!UserEvent.accountTypeNames.contains(UserSignedIn.typeName))
        #expect(UserEvent.accountTypeNames.contains(UserDisabled.typeName))
    }

    @Test("No event carries a secret: the stored forms have no password, hash, code or secret field")
    func noSecrets() throws {
        let events = try GoldenExamples.userEvents()
        for event in events {
            let text = String(decoding: try EventCodec.encode(event).data, as: UTF8.self).lowercased()
            for word in ["\"password\":", "hash", "secret", "\"code\":", "totp"] {
                #expect(!text.contains(word), "\(event.typeName) holds \(word)")
            }
        }
    }
}
