import CDOPApp
import CDOPDomain
import Foundation

/// `POST /api/v1/meetings/{meeting}/commands`: `{"command": "<name>", ...}`, one of the things an organiser does
/// to a meeting. Instants are ISO 8601 with an offset (`2026-06-03T14:00:00Z`); days are `2026-06-03`.
struct MeetingCommandBody: Decodable {
    /// The commands offered, with the roles that may issue them.
    static let roles: [String: Set<StaffRole>] = [
        "invite": [.coordinator, .designatedDoctor], "withdraw-invitation": [.coordinator, .designatedDoctor],
        "add-case": [.coordinator], "remove-case": [.coordinator], "reschedule": [.coordinator, .designatedDoctor],
        "cancel": [.coordinator, .designatedDoctor], "held": [.coordinator, .designatedDoctor],
        "minutes": [.coordinator, .designatedDoctor], "agree-action": [.coordinator, .designatedDoctor],
        "complete-action": [.coordinator, .designatedDoctor],
    ]

    enum Key: String, CodingKey {
        case command, name, email, role, organisation, caseId, startsAt, endsAt, place, callLink, reason, attendance,
            text
        case description, owner, dueDate, actionId, completedOn, note
    }

    /// What to do: a meeting command, or listing a case (which also records the listing on the case).
    enum Action {
        case command(MeetingCommand)
        case addCase(CaseID)
    }

    let name: String
    let action: Action

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        name = try c.decode(String.self, forKey: .command)
        func text(_ key: Key, default fallback: String? = nil) throws -> String {
            if let value = try c.decodeIfPresent(String.self, forKey: key) { return value }
            if let fallback { return fallback }
            throw DecodingError.keyNotFound(key, .init(codingPath: c.codingPath, debugDescription: "required"))
        }
        func optional(_ key: Key) throws -> String? { try c.decodeIfPresent(String.self, forKey: key) }
        switch name {
        case "invite":
            action = .command(
                .invite(
                    Invitee(
                        name: try text(.name), email: try text(.email),
                        role: try c.decode(InviteeRole.self, forKey: .role),
                        organisation: try optional(.organisation))))
        case "withdraw-invitation": action = .command(.withdrawInvitation(email: try text(.email)))
        case "add-case": action = .addCase(try c.decode(CaseID.self, forKey: .caseId))
        case "remove-case": action = .command(.removeCaseFromAgenda(try c.decode(CaseID.self, forKey: .caseId)))
        case "reschedule":
            action = .command(
                .reschedule(
                    startsAt: try c.decode(Date.self, forKey: .startsAt),
                    endsAt: try c.decode(Date.self, forKey: .endsAt),
                    venue: MeetingVenue(place: try optional(.place), callLink: try optional(.callLink))))
        case "cancel": action = .command(.cancel(reason: try text(.reason)))
        case "held":
            action = .command(.recordHeld(attendance: try c.decode([AttendanceRecord].self, forKey: .attendance)))
        case "minutes": action = .command(.recordMinutes(text: try text(.text)))
        case "agree-action":
            action = .command(
                .agreeAction(
                    actionID: try c.decodeIfPresent(ActionID.self, forKey: .actionId) ?? ActionID(UUID()),
                    description: try text(.description), owner: try text(.owner),
                    dueDate: try c.decodeIfPresent(CalendarDate.self, forKey: .dueDate),
                    caseID: try c.decodeIfPresent(CaseID.self, forKey: .caseId)))
        case "complete-action":
            action = .command(
                .completeAction(
                    actionID: try c.decode(ActionID.self, forKey: .actionId),
                    completedOn: try c.decode(CalendarDate.self, forKey: .completedOn),
                    note: try text(.note, default: "")))
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [Key.command],
                    debugDescription: "unknown command; one of " + Self.roles.keys.sorted().joined(separator: ", ")))
        }
    }

    /// Issues the command on `meetingID` as the signed-in person; a refusal by role is recorded first. A user
    /// limited to areas lists and removes only their own cases, and changes the rest of a meeting only when every
    /// case on it lies in their areas (`MeetingScope`).
    func execute(
        on meetingID: MeetingID, state: MeetingState, scope: MeetingScope, _ context: WebContext,
        _ services: WebServices
    ) async throws {
        let staff = try context.requireStaff()
        guard let allowed = Self.roles[name], !allowed.isDisjoint(with: staff.user.roles) else {
            try? services.accessLog.recordAccessRefused(
                "meeting command \(name)", reason: .role, meetingID: meetingID, by: staff.user)
            throw Problem.forbidden()
        }
        let actor = staff.actor
        if case .command(.invite(let invitee)) = action { try InviteeNames.requireMailable([invitee]) { _ in "/name" } }
        switch action {
        case .command(.removeCaseFromAgenda(let caseID)):
            guard scope.visibleAgenda.contains(caseID) else { throw Problem.notFound("case") }
            try await services.engine.workflow.execute(.removeCaseFromAgenda(caseID), on: meetingID, by: actor)
        case .command(let command):
            guard scope.coversWholeMeeting else { throw MeetingScope.outsideAreas }
            if case .agreeAction(_, _, _, _, .some(let caseID)) = command {
                _ = try CasePages.caseInScope(caseID, context, services)
            }
            try await services.engine.workflow.execute(command, on: meetingID, by: actor)
        case .addCase(let caseID):
            _ = try CasePages.caseInScope(caseID, context, services)
            guard let start = state.startsAt else { throw Problem.notFound("meeting") }
            try services.engine.workflow.assignToPanel(
                caseID, meetingID: meetingID, meetingDate: LondonTime.day(of: start), by: actor)
        }
    }
}

/// `POST /api/v1/meetings`: a new meeting.
struct ScheduleMeetingBody: Decodable {
    var type: MeetingType
    var title: String
    var startsAt: Date
    var endsAt: Date
    var place: String?
    var callLink: String?
    var theme: String?
}

/// `POST /api/v1/cases/{case}/rapid-response`: convene the case's rapid-response meeting with its invitees.
struct ConveneBody: Decodable {
    var startsAt: Date
    var endsAt: Date
    var place: String?
    var callLink: String?
    var invitees: [Invitee]
}
