/// The facts of one agency's directory entry (stream `agency-<uuid>`).
package enum AgencyEvent: DomainEvent {
    case registered(AgencyRegistered)
    case updated(AgencyUpdated)
    case retired(AgencyRetired)

    /// Every payload type of this aggregate with its case, in a fixed order.
    package static let registry = EventRegistry<AgencyEvent>([
        .init(AgencyEvent.registered),
        .init(AgencyEvent.updated),
        .init(AgencyEvent.retired),
    ])

    package var payload: any EventPayload {
        switch self {
        case .registered(let p): p
        case .updated(let p): p
        case .retired(let p): p
        }
    }
}
