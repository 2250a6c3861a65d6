import Foundation

/// The rules of a meeting: a rapid-response, child death review or panel meeting (stream `meeting-<uuid>`).
package enum MeetingDecider: Decider {
    package static let initialState = MeetingState()

    /// Decides a meeting command: schedule once; change only while neither held nor cancelled; minutes and
    /// actions once held.
    package static func decide(
        _ command: MeetingCommand, state: MeetingState, context: DecisionContext
    ) throws(DomainError) -> [MeetingEvent] {
        let now = context.now
        if case .schedule(let id, let type, let title, let startsAt, let endsAt, let venue, let theme) = command {
            guard !state.exists else {
                throw DomainError(code: "meeting.alreadyExists", "A meeting with the reference \(id) already exists.")
            }
            let title = try TextField.required(title, field: "meeting title", code: "meeting.titleMissing")
            let (start, end) = try times(startsAt, endsAt)
            return [
                .scheduled(
                    MeetingScheduled(
                        meetingID: id, type: type, title: title, startsAt: start, endsAt: end,
                        venue: try venue.validated(), theme: TextField.optional(theme), sequence: 0, at: now))
            ]
        }
        guard state.exists else {
            throw DomainError(code: "meeting.notFound", "There is no meeting with this reference; schedule it first.")
        }
        switch command {
        case .recordEmailSent(let o):
            guard state.emailOutcomes[MeetingState.currentOutboxID(o.outboxID)] == nil else { return [] }
            return [
                .emailSent(
                    MeetingEmailSent(
                        outboxID: o.outboxID, messageID: o.messageID, template: o.template,
                        recipientRole: o.recipientRole,
                        route: o.route, attempts: o.attempts, at: now))
            ]
        case .recordEmailFailed(let o, let reason):
            guard state.emailOutcomes[MeetingState.currentOutboxID(o.outboxID)] == nil else { return [] }
            return [
                .emailDeliveryFailed(
                    MeetingEmailDeliveryFailed(
                        outboxID: o.outboxID, messageID: o.messageID, template: o.template,
                        recipientRole: o.recipientRole,
                        reason: reason, attempts: o.attempts, at: now))
            ]
        case .schedule(let id, _, _, _, _, _, _):
            throw DomainError(code: "meeting.alreadyExists", "A meeting with the reference \(id) already exists.")
        case .invite(let invitee):
            try requireChangeable(state)
            let email = try EmailAddress.validated(invitee.email, field: "invitee's email")
            if let existing = state.invitee(email: email) {
                throw DomainError(code: "meeting.alreadyInvited", "\(existing.name) (\(email)) is already invited.")
            }
            // The name goes into the invitation's To and ATTENDEE: one that cannot be mailed is refused here.
            let name = try DisplayName.validated(
                invitee.name, field: "invitee's name", missingCode: "meeting.inviteeNameMissing")
            let clean = Invitee(
                name: name, email: email, role: invitee.role, organisation: TextField.optional(invitee.organisation))
            return [.inviteeAdded(InviteeAdded(invitee: clean, at: now))]
        case .withdrawInvitation(let email):
            try requireChangeable(state)
            guard let invitee = state.invitee(email: email) else { throw notInvited(email) }
            return [.invitationWithdrawn(InvitationWithdrawn(email: invitee.email, name: invitee.name, at: now))]
        case .addCaseToAgenda(let caseID):
            try requireChangeable(state)
            if state.agenda.contains(caseID) { return [] }
            return [.caseAddedToAgenda(CaseAddedToAgenda(caseID: caseID, at: now))]
        case .removeCaseFromAgenda(let caseID):
            try requireChangeable(state)
            guard state.agenda.contains(caseID) else {
                throw DomainError(code: "meeting.caseNotOnAgenda", "Case \(caseID) is not on this meeting's agenda.")
            }
            return [.caseRemovedFromAgenda(CaseRemovedFromAgenda(caseID: caseID, at: now))]
        case .reschedule(let startsAt, let endsAt, let venue):
            try requireChangeable(state)
            let (start, end) = try times(startsAt, endsAt)
            let venue = try venue.validated()
            if start != state.startsAt, start < now {
                throw DomainError(
                    code: "meeting.startInPast",
                    "The meeting's new start (\(DayFormatter.dayAndTime(start))) is in the past; choose a time from now on."
                )
            }
            if start == state.startsAt && end == state.endsAt && venue == state.venue { return [] }
            return [
                .rescheduled(
                    MeetingRescheduled(
                        startsAt: start, endsAt: end, venue: venue, sequence: state.sequence + 1, at: now))
            ]
        case .cancel(let reason):
            try requireChangeable(state)
            guard let reason = TextField.optional(reason) else { throw .reasonMissing("cancel a meeting") }
            return [.cancelled(MeetingCancelled(reason: reason, sequence: state.sequence + 1, at: now))]
        case .recordHeld(let attendance):
            return try recordHeld(attendance, state, now)
        case .recordMinutes(let text):
            try requireHeld(state)
            let text = try TextField.required(text, field: "minutes", code: "meeting.minutesMissing")
            if text == state.minutes { return [] }
            return [.minutesRecorded(MinutesRecorded(text: text, revision: state.minutesRevision + 1, at: now))]
        case .agreeAction(let id, let description, let owner, let dueDate, let caseID):
            try requireHeld(state)
            let agreed = try ActionRules.agree(
                id, text: description, owner: owner, dueDate: dueDate, existing: state.actions.map(\.id))
            return [
                .actionAgreed(
                    MeetingActionAgreed(
                        actionID: id, description: agreed.text, owner: agreed.owner, dueDate: agreed.dueDate,
                        caseID: caseID, at: now))
            ]
        case .completeAction(let id, let completedOn, let note):
            let action = state.actions.first(where: { $0.id == id })
            let note = try ActionRules.complete(
                id, found: action.map { ($0.description, $0.completedOn) }, place: "from this meeting",
                on: completedOn, note: note, today: context.today)
            return [
                .actionCompleted(MeetingActionCompleted(actionID: id, completedOn: completedOn, note: note, at: now))
            ]
        }
    }

    /// Records attendance once the meeting has started; every invitee gets a status.
    static func recordHeld(_ attendance: [AttendanceRecord], _ state: MeetingState, _ now: Date) throws(DomainError)
        -> [MeetingEvent]
    {
        try requireChangeable(state)
        if let start = state.startsAt, start > now {
            throw DomainError(
                code: "meeting.notYetStarted",
                "The meeting starts on \(DayFormatter.dayAndTime(start)); it cannot be recorded as held before then.")
        }
        var byEmail: [String: AttendanceStatus] = [:]
        for record in attendance {
            guard let invitee = state.invitee(email: record.email) else { throw notInvited(record.email) }
            byEmail[invitee.email] = record.status
        }
        let complete = state.invitees.map {
            AttendanceRecord(email: $0.email, status: byEmail[$0.email] ?? .notRecorded)
        }
        return [.held(MeetingHeld(attendance: complete, at: now))]
    }

    /// A start before the end, kept to the millisecond.
    static func times(_ startsAt: Date, _ endsAt: Date) throws(DomainError) -> (Date, Date) {
        guard endsAt > startsAt else {
            throw DomainError(
                code: "meeting.endsBeforeStart",
                "The meeting's end (\(DayFormatter.dayAndTime(endsAt))) is not after its start (\(DayFormatter.dayAndTime(startsAt)))."
            )
        }
        return (Timestamp.normalised(startsAt), Timestamp.normalised(endsAt))
    }

    /// Refuses once the meeting was held or cancelled.
    static func requireChangeable(_ state: MeetingState) throws(DomainError) {
        if let held = state.heldAt {
            throw DomainError(
                code: "meeting.alreadyHeld",
                "The meeting was held on \(DayFormatter.long(held)); a held meeting cannot be changed or cancelled.")
        }
        if let cancelled = state.cancelledAt {
            throw DomainError(
                code: "meeting.cancelled", "The meeting was cancelled on \(DayFormatter.long(cancelled)).")
        }
    }

    /// Refuses until the meeting was held.
    static func requireHeld(_ state: MeetingState) throws(DomainError) {
        guard state.isHeld else {
            throw DomainError(code: "meeting.notHeld", "The meeting has not been recorded as held yet.")
        }
    }

    /// Someone who is not on the invitation list.
    static func notInvited(_ email: String) -> DomainError {
        DomainError(code: "meeting.notInvited", "\(email) is not invited to this meeting.")
    }

    /// Applies one meeting event to the state.
    package static func evolve(_ state: consuming MeetingState, _ event: MeetingEvent) -> MeetingState {
        var s = consume state
        switch event {
        case .emailSent(let e):
            s.emailOutcomes[MeetingState.currentOutboxID(e.outboxID)] = .sent(at: e.at)
        case .emailDeliveryFailed(let e):
            s.emailOutcomes[MeetingState.currentOutboxID(e.outboxID)] = .failed(reason: e.reason, at: e.at)
        case .scheduled(let e):
            s.meetingID = e.meetingID
            s.type = e.type
            s.title = e.title
            s.startsAt = e.startsAt
            s.endsAt = e.endsAt
            s.venue = e.venue
            s.theme = e.theme
            s.sequence = e.sequence
            s.sequenceIssuedAt[e.sequence] = e.at
            s.startsAtBySequence[e.sequence] = e.startsAt
        case .inviteeAdded(let e):
            s.invitees.append(e.invitee)
            s.withdrawn.removeAll { $0.email.lowercased() == e.invitee.email.lowercased() }
        case .invitationWithdrawn(let e):
            if let gone = s.invitee(email: e.email) {
                s.withdrawn.append(gone)
                s.withdrawnAt[gone.email.lowercased()] = e.at
            }
            s.invitees.removeAll { $0.email.lowercased() == e.email.lowercased() }
        case .caseAddedToAgenda(let e):
            s.agenda.append(e.caseID)
        case .caseRemovedFromAgenda(let e):
            s.agenda.removeAll { $0 == e.caseID }
        case .rescheduled(let e):
            s.startsAt = e.startsAt
            s.endsAt = e.endsAt
            s.venue = e.venue
            s.sequence = e.sequence
            s.sequenceIssuedAt[e.sequence] = e.at
            s.startsAtBySequence[e.sequence] = e.startsAt
        case .cancelled(let e):
            s.cancelledAt = e.at
            s.cancellationReason = e.reason
            s.sequence = e.sequence
        case .held(let e):
            s.heldAt = e.at
            s.attendance = e.attendance
        case .minutesRecorded(let e):
            s.minutes = e.text
            s.minutesRevision = e.revision
        case .actionAgreed(let e):
            s.actions.append(
                MeetingAction(
                    id: e.actionID, description: e.description, owner: e.owner, dueDate: e.dueDate, caseID: e.caseID))
        case .actionCompleted(let e):
            if let index = s.actions.firstIndex(where: { $0.id == e.actionID }) {
                s.actions[index].completedOn = e.completedOn
            }
        }
        return s
    }
}
