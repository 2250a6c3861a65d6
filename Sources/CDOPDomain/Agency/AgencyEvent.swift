/// The facts of one agency's directory entry (stream `agency-<uuid>`).
package enum AgencyEvent: DomainEvent {
    case registered(AgencyRegistered)
    case updated(AgencyUpdated)
    case retired(AgencyRetired)

    package static let payloadTypes: [any EventPayload.Type] = [
        AgencyRegistered.self,
        AgencyUpdated.self,
        AgencyRetired.self,
    ]

    package var payload: any EventPayload {
        switch self {
        case .registered(let p): p
        case .updated(let p): p
        case .retired(let p): p
        }
    }

    package init?(payload: any EventPayload) {
        switch payload {
        case let p as AgencyRegistered: self = .registered(p)
        case let p as AgencyUpdated: self = .updated(p)
        case let p as AgencyRetired: self = .retired(p)
        default: return nil
        }
    }
}
