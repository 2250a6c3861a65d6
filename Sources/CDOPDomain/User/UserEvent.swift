/// The facts of one staff account (stream `user-<uuid>`): its life, its sign-ins and its access log.
package enum UserEvent: DomainEvent {
    case registered(UserRegistered)
    case disabled(UserDisabled)
    case enabled(UserEnabled)
    case accessChanged(UserAccessChanged)
    case passwordChanged(UserPasswordChanged)
    case secondFactorEnrolled(UserSecondFactorEnrolled)
    case secondFactorRemoved(UserSecondFactorRemoved)
    case signedIn(UserSignedIn)
    case signInRefused(UserSignInRefused)
    case signedOut(UserSignedOut)
    case caseViewed(UserViewedCase)
    case accessRefused(UserAccessRefused)

    package static let payloadTypes: [any EventPayload.Type] = [
        UserRegistered.self, UserDisabled.self, UserEnabled.self, UserAccessChanged.self, UserPasswordChanged.self,
        UserSecondFactorEnrolled.self, UserSecondFactorRemoved.self, UserSignedIn.self, UserSignInRefused.self,
        UserSignedOut.self, UserViewedCase.self, UserAccessRefused.self,
    ]

    /// The stored type names of the events that change the account itself (not its use): the users read model
    /// is rewritten only for these.
    package static let accountTypeNames: Set<String> = [
        UserRegistered.typeName, UserDisabled.typeName, UserEnabled.typeName, UserAccessChanged.typeName,
        UserSecondFactorEnrolled.typeName, UserSecondFactorRemoved.typeName,
    ]

    package var payload: any EventPayload {
        switch self {
        case .registered(let p): p
        case .disabled(let p): p
        case .enabled(let p): p
        case .accessChanged(let p): p
        case .passwordChanged(let p): p
        case .secondFactorEnrolled(let p): p
        case .secondFactorRemoved(let p): p
        case .signedIn(let p): p
        case .signInRefused(let p): p
        case .signedOut(let p): p
        case .caseViewed(let p): p
        case .accessRefused(let p): p
        }
    }

    package init?(payload: any EventPayload) {
        switch payload {
        case let p as UserRegistered: self = .registered(p)
        case let p as UserDisabled: self = .disabled(p)
        case let p as UserEnabled: self = .enabled(p)
        case let p as UserAccessChanged: self = .accessChanged(p)
        case let p as UserPasswordChanged: self = .passwordChanged(p)
        case let p as UserSecondFactorEnrolled: self = .secondFactorEnrolled(p)
        case let p as UserSecondFactorRemoved: self = .secondFactorRemoved(p)
        case let p as UserSignedIn: self = .signedIn(p)
        case let p as UserSignInRefused: self = .signInRefused(p)
        case let p as UserSignedOut: self = .signedOut(p)
        case let p as UserViewedCase: self = .caseViewed(p)
        case let p as UserAccessRefused: self = .accessRefused(p)
        default: return nil
        }
    }
}
