/// The facts of one meeting: schedule, invitees, agenda, attendance, minutes and actions (stream `meeting-<uuid>`).
package enum MeetingEvent: DomainEvent {
    case scheduled(MeetingScheduled)
    case inviteeAdded(InviteeAdded)
    case invitationWithdrawn(InvitationWithdrawn)
    case caseAddedToAgenda(CaseAddedToAgenda)
    case caseRemovedFromAgenda(CaseRemovedFromAgenda)
    case rescheduled(MeetingRescheduled)
    case cancelled(MeetingCancelled)
    case held(MeetingHeld)
    case minutesRecorded(MinutesRecorded)
    case actionAgreed(MeetingActionAgreed)
    case actionCompleted(MeetingActionCompleted)
    case emailSent(MeetingEmailSent)
    case emailDeliveryFailed(MeetingEmailDeliveryFailed)

    package static let payloadTypes: [any EventPayload.Type] = [
        MeetingScheduled.self,
        InviteeAdded.self,
        InvitationWithdrawn.self,
        CaseAddedToAgenda.self,
        CaseRemovedFromAgenda.self,
        MeetingRescheduled.self,
        MeetingCancelled.self,
        MeetingHeld.self,
        MinutesRecorded.self,
        MeetingActionAgreed.self,
        MeetingActionCompleted.self,
        MeetingEmailSent.self,
        MeetingEmailDeliveryFailed.self,
    ]

    package var payload: any EventPayload {
        switch self {
        case .scheduled(let p): p
        case .inviteeAdded(let p): p
        case .invitationWithdrawn(let p): p
        case .caseAddedToAgenda(let p): p
        case .caseRemovedFromAgenda(let p): p
        case .rescheduled(let p): p
        case .cancelled(let p): p
        case .held(let p): p
        case .minutesRecorded(let p): p
        case .actionAgreed(let p): p
        case .actionCompleted(let p): p
        case .emailSent(let p): p
        case .emailDeliveryFailed(let p): p
        }
    }

    package init?(payload: any EventPayload) {
        switch payload {
        case let p as MeetingScheduled: self = .scheduled(p)
        case let p as InviteeAdded: self = .inviteeAdded(p)
        case let p as InvitationWithdrawn: self = .invitationWithdrawn(p)
        case let p as CaseAddedToAgenda: self = .caseAddedToAgenda(p)
        case let p as CaseRemovedFromAgenda: self = .caseRemovedFromAgenda(p)
        case let p as MeetingRescheduled: self = .rescheduled(p)
        case let p as MeetingCancelled: self = .cancelled(p)
        case let p as MeetingHeld: self = .held(p)
        case let p as MinutesRecorded: self = .minutesRecorded(p)
        case let p as MeetingActionAgreed: self = .actionAgreed(p)
        case let p as MeetingActionCompleted: self = .actionCompleted(p)
        case let p as MeetingEmailSent: self = .emailSent(p)
        case let p as MeetingEmailDeliveryFailed: self = .emailDeliveryFailed(p)
        default: return nil
        }
    }
}
