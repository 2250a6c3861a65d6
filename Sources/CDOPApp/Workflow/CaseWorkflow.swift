import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// What the people of a panel do with cases, as commands over one or more streams. The CLI, the web pages and
/// the timers all come through here.
package struct CaseWorkflow: Sendable {
    package let handler: CommandHandler
    /// Makes new identifiers (cases, requests, meetings); injected so tests can predict them.
    package let makeID: @Sendable () -> UUID
    /// The declared schedules started by case events; nil runs no schedules.
    package let schedules: (any ScheduleCatalog)?
    /// Makes the practitioners' secure links; nil issues none.
    package let links: PractitionerLinks?

    package init(
        handler: CommandHandler, schedules: (any ScheduleCatalog)? = nil, links: PractitionerLinks? = nil,
        makeID: @escaping @Sendable () -> UUID = { UUID() }
    ) {
        self.handler = handler
        self.schedules = schedules
        self.links = links
        self.makeID = makeID
    }

    /// The result of a notification: the new case, and the case it may duplicate.
    package struct Notified: Sendable, Equatable {
        package var caseID: CaseID
        package var possibleDuplicateOf: CaseID?
    }

    /// Opens a case for a notified death, linking it to an earlier case of the same death if there is one.
    @discardableResult
    package func notify(
        _ notification: DeathNotification, by actor: Actor, commandID: UUID = UUID(), alertCoordinator: Bool = false
    ) throws(CommandError) -> Notified {
        let caseID = CaseID(makeID())
        let outcome = try handler.run(by: actor, commandID: commandID) { session throws(CommandError) -> Notified in
            let duplicateOf = try session.possibleDuplicate(of: notification, excluding: caseID)
            try session.decideOnCase(
                caseID, .notify(caseID: caseID, notification: notification, possibleDuplicateOf: duplicateOf),
                schedules: schedules, links: links)
            // A notification from the public form is emailed to the coordinator (its reference only).
            if alertCoordinator {
                try session.decideOnCase(caseID, .alertCoordinator, schedules: schedules, links: links)
            }
            return Notified(caseID: caseID, possibleDuplicateOf: duplicateOf)
        }
        if let value = outcome.value { return value }
        // A repeated command: answer with the case the first attempt opened.
        let stream = outcome.appended.first?.streamID ?? ""
        return Notified(caseID: CaseID(String(stream.dropFirst("case-".count)))!, possibleDuplicateOf: nil)
    }

    /// Confirms that `duplicate` is the same death as `primary`: the duplicate ends, the primary takes in
    /// what it knew. Both streams change in one transaction.
    package func confirmDuplicate(_ duplicate: CaseID, of primary: CaseID, by actor: Actor) throws(CommandError) {
        try handler.run(by: actor) { session throws(CommandError) in
            let (duplicateState, _) = try session.state(of: CaseDecider.self, duplicate.streamID)
            let (primaryState, _) = try session.state(of: CaseDecider.self, primary.streamID)
            guard primaryState.exists else { throw .notFound(kind: "case", reference: primary.description) }
            guard let merge = DuplicateMerge(duplicate: duplicate, duplicateState: duplicateState, primary: primary)
            else {
                throw .notFound(kind: "case", reference: duplicate.description)
            }
            try session.decideOnCase(duplicate, merge.onDuplicate, schedules: schedules, links: links)
            try session.decideOnCase(primary, merge.onPrimary, schedules: schedules, links: links)
        }
    }

    /// Schedules a meeting in its own stream, invites `invitees`, and records it on the case as the rapid
    /// response: all in one transaction.
    @discardableResult
    package func conveneRapidResponse(
        for caseID: CaseID, scheduledFor: Date, invitees: [Invitee] = [], by actor: Actor,
        meeting: (MeetingID) -> MeetingCommand
    ) throws(CommandError) -> MeetingID {
        let meetingID = MeetingID(makeID())
        try handler.run(by: actor) { session throws(CommandError) in
            try session.decideOnCase(
                caseID, .conveneRapidResponse(meetingID: meetingID, scheduledFor: scheduledFor), schedules: schedules,
                links: links)
            try session.decide(MeetingDecider.self, meetingID.streamID, meeting(meetingID))
            try session.decide(MeetingDecider.self, meetingID.streamID, .addCaseToAgenda(caseID))
            for invitee in invitees {
                try session.decide(MeetingDecider.self, meetingID.streamID, .invite(invitee))
            }
        }
        return meetingID
    }

    /// Lists a case for a panel meeting: on the case, and on the meeting's agenda.
    package func assignToPanel(_ caseID: CaseID, meetingID: MeetingID, meetingDate: CalendarDate, by actor: Actor)
        throws(CommandError)
    {
        try handler.run(by: actor) { session throws(CommandError) in
            let (meeting, _) = try session.state(of: MeetingDecider.self, meetingID.streamID)
            guard meeting.exists else { throw .notFound(kind: "meeting", reference: meetingID.description) }
            try session.decideOnCase(
                caseID, .assignToPanelMeeting(meetingID: meetingID, meetingDate: meetingDate), schedules: schedules,
                links: links)
            try session.decide(MeetingDecider.self, meetingID.streamID, .addCaseToAgenda(caseID))
        }
    }

    /// Any command on one case.
    @discardableResult
    package func execute(_ command: CaseCommand, on caseID: CaseID, by actor: Actor, commandID: UUID = UUID())
        throws(CommandError) -> [CaseEvent]
    {
        try handler.run(by: actor, commandID: commandID) { session throws(CommandError) in
            try Self.decide(command, on: caseID, in: session, schedules: schedules, links: links)
        }.value ?? []
    }

    /// A command on a case that exists (or one that notifies it), decided in `session`.
    static func decide(
        _ command: CaseCommand, on caseID: CaseID, in session: CommandSession, schedules: (any ScheduleCatalog)?,
        links: PractitionerLinks?
    ) throws(CommandError) -> [CaseEvent] {
        let (state, _) = try session.state(of: CaseDecider.self, caseID.streamID)
        if case .notify = command {
        } else if !state.exists {
            throw .notFound(kind: "case", reference: caseID.description)
        }
        return try session.decideOnCase(caseID, command, schedules: schedules, links: links)
    }

    /// Any command on one meeting.
    @discardableResult
    package func execute(_ command: MeetingCommand, on meetingID: MeetingID, by actor: Actor) throws(CommandError)
        -> [MeetingEvent]
    {
        if case .recordHeld(let attendance) = command {
            return try recordMeetingHeld(meetingID, attendance: attendance, by: actor)
        }
        return try handler.run(by: actor) { session throws(CommandError) in
            try session.decide(MeetingDecider.self, meetingID.streamID, command)
        }.value ?? []
    }

    /// Any command on one agency of the directory.
    @discardableResult
    package func execute(_ command: AgencyCommand, on agencyID: AgencyID, by actor: Actor) throws(CommandError)
        -> [AgencyEvent]
    {
        try handler.run(by: actor) { session throws(CommandError) in
            try session.decide(AgencyDecider.self, agencyID.streamID, command)
        }.value ?? []
    }

    /// The state of one case as its events stand.
    package func caseState(_ caseID: CaseID) throws(CommandError) -> CaseState {
        try load(CaseDecider.self, caseID.streamID)
    }

    package func meetingState(_ meetingID: MeetingID) throws(CommandError) -> MeetingState {
        try load(MeetingDecider.self, meetingID.streamID)
    }

    package func agencyState(_ agencyID: AgencyID) throws(CommandError) -> AgencyState {
        try load(AgencyDecider.self, agencyID.streamID)
    }

    package func userState(_ userID: UserID) throws(CommandError) -> UserState {
        try load(UserDecider.self, userID.streamID)
    }

    /// A stream's current state, through the state cache the commands keep (a page reading a case whose stream
    /// holds thousands of link openings decodes only what was appended since the state was last folded).
    package func load<D: Decider>(_ decider: D.Type, _ streamID: String) throws(CommandError) -> D.State
    where D.Event: DomainEvent {
        let store = handler.store
        let (cache, snapshots) = (handler.cache, handler.snapshotCache)
        let folded: Result<D.State, any Error>
        do {
            folded = try store.snapshot { db in
                Result {
                    try CachedFold.state(of: D.self, streamID, store: store, cache: cache, snapshots: snapshots, in: db)
                        .state
                }
            }
        } catch {
            throw .store(error)
        }
        switch folded {
        case .success(let state): return state
        case .failure(let error as EventCodecError): throw .unreadableEvent(error)
        case .failure(let error as EventStoreError): throw .store(error)
        case .failure(let error): throw .store(.storage(code: -1, message: "\(type(of: error))"))
        }
    }
}

extension CaseWorkflow {
    /// Asks `agency` for a form on `caseID`: records the agency as involved first when it is not yet, then
    /// requests the form chased by its schedule, in one transaction. Returns the new request's id.
    @discardableResult
    package func requestForm(
        on caseID: CaseID, from agency: AgencyState, formType: FormType, contactEmail: String?, dueDate: CalendarDate,
        by actor: Actor
    ) throws(CommandError) -> FormRequestID {
        let requestID = FormRequestID(makeID())
        try handler.run(by: actor) { session throws(CommandError) in
            let (state, _) = try session.state(of: CaseDecider.self, caseID.streamID)
            guard state.exists else { throw .notFound(kind: "case", reference: caseID.description) }
            guard let agencyID = agency.agencyID else { throw .notFound(kind: "agency", reference: "") }
            if state.involvement(of: agencyID) == nil {
                try session.decideOnCase(
                    caseID,
                    .recordAgencyInvolved(
                        AgencyInvolvement(
                            agencyID: agencyID, agencyName: agency.name, kind: agency.kind,
                            contactName: agency.leadContacts.first?.name, contactEmail: agency.leadContacts.first?.email
                        )),
                    schedules: schedules, links: links)
            }
            let contact =
                contactEmail ?? state.involvement(of: agencyID)?.contactEmail ?? agency.leadContacts.first?.email ?? ""
            try session.decideOnCase(
                caseID,
                .requestForm(
                    requestID: requestID, agencyID: agencyID, formType: formType, contactEmail: contact,
                    dueDate: dueDate,
                    schedule: ChasingSchedule.reference(for: formType)),
                schedules: schedules, links: links)
        }
        return requestID
    }
}

extension CaseWorkflow {
    /// Records the panel's outcome and the actions it agreed, in one transaction.
    package func recordPanelOutcome(
        on caseID: CaseID, outcome: PanelOutcomeInput, actions: [(ActionID, String, String, CalendarDate?)],
        by actor: Actor
    ) throws(CommandError) {
        try handler.run(by: actor) { session throws(CommandError) in
            let (state, _) = try session.state(of: CaseDecider.self, caseID.streamID)
            guard state.exists else { throw .notFound(kind: "case", reference: caseID.description) }
            try session.decideOnCase(caseID, .recordPanelOutcome(outcome), schedules: schedules, links: links)
            for (id, text, owner, due) in actions {
                try session.decideOnCase(
                    caseID, .recordRecommendation(actionID: id, text: text, owner: owner, dueDate: due),
                    schedules: schedules,
                    links: links)
            }
        }
    }
}
