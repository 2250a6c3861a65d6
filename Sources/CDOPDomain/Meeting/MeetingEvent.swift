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

    /// Every payload type of this aggregate with its case, in a fixed order.
    package static let registry = EventRegistry<MeetingEvent>([
        .init(MeetingEvent.scheduled),
        .init(MeetingEvent.inviteeAdded),
        .init(MeetingEvent.invitationWithdrawn),
        .init(MeetingEvent.caseAddedToAgenda),
        .init(MeetingEvent.caseRemovedFromAgenda),
        .init(MeetingEvent.rescheduled),
        .init(MeetingEvent.cancelled),
        .init(MeetingEvent.held),
        .init(MeetingEvent.minutesRecorded),
        .init(MeetingEvent.actionAgreed),
        .init(MeetingEvent.actionCompleted),
        .init(MeetingEvent.emailSent),
        .init(MeetingEvent.emailDeliveryFailed),
    ])

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
}
