import Foundation

/// The rules of a staff account (stream `user-<uuid>`): a username, a display name, a valid email, at least one
/// role, and areas the panel covers. The log holds facts only; every secret stays outside it.
package enum UserDecider: Decider {
    package static let initialState = UserState()

    /// Decides an account command; the use of an account (sign-ins, views, refusals) is recorded as it happened.
    package static func decide(
        _ command: UserCommand, state: UserState, context: DecisionContext
    ) throws(DomainError) -> [UserEvent] {
        let now = context.now
        if case .register(let id, let username, let displayName, let email, let roles, let areas) = command {
            guard !state.exists else {
                throw DomainError(code: "user.alreadyExists", "A user with the id \(id) already exists.")
            }
            let access = try validatedAccess(roles: roles, areas: areas, panel: context.configuration)
            return [
                .registered(
                    UserRegistered(
                        userID: id, username: try validatedUsername(username),
                        displayName: try TextField.required(
                            displayName, field: "display name", code: "user.displayNameMissing"),
                        email: try EmailAddress.validated(email, field: "email"), roles: access.roles,
                        areas: access.areas,
                        at: now))
            ]
        }
        guard state.exists else {
            throw DomainError(code: "user.notFound", "There is no user with this id.")
        }
        switch command {
        case .register:
            return []
        case .disable(let reason):
            guard let reason = TextField.optional(reason) else { throw .reasonMissing("disable a user") }
            return state.isDisabled ? [] : [.disabled(UserDisabled(reason: reason, at: now))]
        case .enable:
            return state.isDisabled ? [.enabled(UserEnabled(at: now))] : []
        case .changeAccess(let roles, let areas):
            let access = try validatedAccess(roles: roles, areas: areas, panel: context.configuration)
            if Set(access.roles) == state.roles && Set(access.areas) == state.areas { return [] }
            return [.accessChanged(UserAccessChanged(roles: access.roles, areas: access.areas, at: now))]
        case .recordPasswordChanged(let reset):
            return [.passwordChanged(UserPasswordChanged(reset: reset, at: now))]
        case .recordSecondFactorEnrolled:
            return [.secondFactorEnrolled(UserSecondFactorEnrolled(at: now))]
        case .removeSecondFactor(let reason):
            guard state.secondFactorEnrolled else {
                throw DomainError(
                    code: "user.noSecondFactor", "\(state.username) has no second factor to remove.")
            }
            guard let reason = TextField.optional(reason) else { throw .reasonMissing("remove a second factor") }
            return [.secondFactorRemoved(UserSecondFactorRemoved(reason: reason, at: now))]
        case .recordSignIn(let withSecondFactor):
            guard !state.isDisabled else {
                throw DomainError(code: "user.disabled", "\(state.username) is disabled and cannot sign in.")
            }
            guard withSecondFactor || !state.requiresSecondFactor else {
                throw DomainError(
                    code: "user.secondFactorRequired", "\(state.username) must sign in with a one-time code.")
            }
            return [.signedIn(UserSignedIn(withSecondFactor: withSecondFactor, at: now))]
        case .recordSignInRefused(let reason):
            return [.signInRefused(UserSignInRefused(reason: reason, at: now))]
        case .recordSignInThrottled(let failures):
            return state.throttleNoticeDue(at: now)
                ? [.signInThrottled(UserSignInThrottled(failures: failures, at: now))] : []
        case .recordReauthenticated(let purpose):
            return [.reauthenticated(UserReauthenticated(purpose: purpose, at: now))]
        case .recordEmailSent(let o):
            guard state.emailOutcomes[o.outboxID] == nil else { return [] }
            return [
                .emailSent(
                    UserEmailSent(
                        outboxID: o.outboxID, messageID: o.messageID, template: o.template,
                        recipientRole: o.recipientRole,
                        route: o.route, attempts: o.attempts, at: now))
            ]
        case .recordEmailFailed(let o, let reason):
            guard state.emailOutcomes[o.outboxID] == nil else { return [] }
            return [
                .emailDeliveryFailed(
                    UserEmailDeliveryFailed(
                        outboxID: o.outboxID, messageID: o.messageID, template: o.template,
                        recipientRole: o.recipientRole,
                        reason: reason, attempts: o.attempts, at: now))
            ]
        case .recordSignOut:
            return [.signedOut(UserSignedOut(at: now))]
        case .recordCaseViewed(let caseID, let view):
            return [.caseViewed(UserViewedCase(caseID: caseID, view: view, at: now))]
        case .recordCasesListed(let caseIDs, let searched):
            return caseIDs.isEmpty ? [] : [.casesListed(UserListedCases(caseIDs: caseIDs, searched: searched, at: now))]
        case .recordAccessRefused(let resource, let reason, let caseID, let meetingID):
            let resource = try TextField.required(resource, field: "refused resource", code: "user.resourceMissing")
            return [
                .accessRefused(
                    UserAccessRefused(resource: resource, reason: reason, caseID: caseID, meetingID: meetingID, at: now)
                )
            ]
        }
    }

    /// A username: 3 to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or
    /// digit; typed capitals are lowered, so usernames are unique without case.
    package static func validatedUsername(_ text: String) throws(DomainError) -> String {
        let username = try TextField.required(text, field: "username", code: "user.usernameMissing").lowercased()
        let allowed = username.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_")
        }
        guard allowed, (3...64).contains(username.count), username.first!.isLetter || username.first!.isNumber else {
            throw DomainError(
                code: "user.invalidUsername",
                "The username (\(username)) must be 3 to 64 letters, digits, dots, hyphens or underscores, "
                    + "starting with a letter or digit.")
        }
        return username
    }

    /// At least one role, and only areas the panel covers; both sorted for storage.
    static func validatedAccess(
        roles: Set<StaffRole>, areas: Set<String>, panel: PanelConfiguration
    ) throws(DomainError) -> (roles: [StaffRole], areas: [String]) {
        guard !roles.isEmpty else {
            throw DomainError(
                code: "user.roleMissing",
                "The roles must include at least one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var codes: [String] = []
        for area in areas {
            let code = area.trimmingCharacters(in: .whitespaces).uppercased()
            guard panel.area(code: code) != nil else {
                throw DomainError(
                    code: "user.unknownArea",
                    "The area \(area) is not one of the panel's areas (\(panel.areas.map(\.code).joined(separator: ", ")))."
                )
            }
            codes.append(code)
        }
        return (roles.sorted(), Array(Set(codes)).sorted())
    }

    /// Applies one account event; the access log leaves the account as it was.
    package static func evolve(_ state: consuming UserState, _ event: UserEvent) -> UserState {
        var s = consume state
        switch event {
        case .registered(let e):
            s.userID = e.userID
            s.username = e.username
            s.displayName = e.displayName
            s.email = e.email
            s.roles = Set(e.roles)
            s.areas = Set(e.areas)
            s.createdAt = e.at
        case .disabled(let e):
            s.disabledAt = e.at
            s.disabledReason = e.reason
        case .enabled:
            s.disabledAt = nil
            s.disabledReason = nil
        case .accessChanged(let e):
            s.roles = Set(e.roles)
            s.areas = Set(e.areas)
        case .passwordChanged(let e):
            s.passwordChangedAt = e.at
        case .secondFactorEnrolled:
            s.secondFactorEnrolled = true
        case .secondFactorRemoved:
            s.secondFactorEnrolled = false
        case .signedIn(let e):
            s.lastSignInAt = e.at
        case .signInThrottled(let e):
            s.throttleNotices.append(e.at)
        case .emailSent(let e):
            s.emailOutcomes[e.outboxID] = .sent(at: e.at)
        case .emailDeliveryFailed(let e):
            s.emailOutcomes[e.outboxID] = .failed(reason: e.reason, at: e.at)
        case .signInRefused, .signedOut, .caseViewed, .casesListed, .accessRefused, .reauthenticated:
            break
        }
        return s
    }
}
