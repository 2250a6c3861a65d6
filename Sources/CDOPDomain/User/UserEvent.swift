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
    case casesListed(UserListedCases)
    case accessRefused(UserAccessRefused)
    case signInThrottled(UserSignInThrottled)
    case reauthenticated(UserReauthenticated)
    case emailSent(UserEmailSent)
    case emailDeliveryFailed(UserEmailDeliveryFailed)

    /// Every payload type of this aggregate with its case, in a fixed order.
    package static let registry = EventRegistry<UserEvent>([
        .init(UserEvent.registered),
        .init(UserEvent.disabled),
        .init(UserEvent.enabled),
        .init(UserEvent.accessChanged),
        .init(UserEvent.passwordChanged),
        .init(UserEvent.secondFactorEnrolled),
        .init(UserEvent.secondFactorRemoved),
        .init(UserEvent.signedIn),
        .init(UserEvent.signInRefused),
        .init(UserEvent.signedOut),
        .init(UserEvent.caseViewed),
        .init(UserEvent.accessRefused),
        .init(UserEvent.signInThrottled),
        .init(UserEvent.reauthenticated),
        .init(UserEvent.emailSent),
        .init(UserEvent.emailDeliveryFailed),
        .init(UserEvent.casesListed),
    ])

    /// The stored type names of the events that change the account itself (not its use): the users read model
    /// is rewritten only for these.
    package static let accountTypeNames: Set<String> = [
        UserRegistered.typeName, UserDisabled.typeName, UserEnabled.typeName, UserAccessChanged.typeName,
        UserSecondFactorEnrolled.typeName, UserSecondFactorRemoved.typeName,
    ]

    /// The stored type names of the events that change the account's outbox (a notice to its owner, and what
    /// became of it): its outbox rows are rewritten for these.
    package static let outboxTypeNames: Set<String> = [
        UserSignInThrottled.typeName, UserEmailSent.typeName, UserEmailDeliveryFailed.typeName,
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
        case .casesListed(let p): p
        case .accessRefused(let p): p
        case .signInThrottled(let p): p
        case .reauthenticated(let p): p
        case .emailSent(let p): p
        case .emailDeliveryFailed(let p): p
        }
    }
}
