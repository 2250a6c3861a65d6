import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird

/// Meetings: rapid-response, child death review and panel meetings; their invitees, agenda, attendance,
/// minutes and actions. Panel members see panel meetings and reach the agenda's cases pseudonymised.
enum MeetingPages {
    static let readers = Access.staff([.coordinator, .designatedDoctor, .panelMember])
    static let organisers = Access.staff([.coordinator, .designatedDoctor])

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/meetings", readers) { _, context in
            let panelOnly = !(context.staff!.has(.coordinator) || context.staff!.has(.designatedDoctor))
            let now = services.now
            let rows = try await listed(services, now: now).filter { !panelOnly || $0.type == MeetingType.panel.rawValue }
            let upcoming = rows.filter(\.upcoming).reversed().map { $0 }
            let past = rows.filter { !$0.upcoming }
            let view = MeetingList(
                upcoming: upcoming, hasUpcoming: !upcoming.isEmpty, past: past, hasPast: !past.isEmpty,
                canSchedule: context.staff!.has(.coordinator), meetingTypes: MeetingType.allCases.map { ["value": $0.rawValue, "label": $0.label.prefix(1).uppercased() + $0.label.dropFirst()] })
            return services.renderer.page("meetings", view, chrome: services.chrome("Meetings", context, path: "/meetings"))
        }

        routes.post("/meetings", .staff([.coordinator])) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            let type = post["type"].flatMap(MeetingType.init(rawValue:)) ?? .panel
            guard let title = post["title"], let start = post["starts"].flatMap(LocalDateTime.parse) else {
                throw HTTPError(.unprocessableContent, message: "Enter the meeting's title and its date and time.")
            }
            let minutes = Int(post["duration"] ?? "120") ?? 120
            let meetingID = MeetingID(services.engine.workflow.makeID())
            try run(
                .schedule(
                    meetingID: meetingID, type: type, title: title, startsAt: start, endsAt: start.addingTimeInterval(Double(minutes) * 60),
                    venue: MeetingVenue(place: post["place"], callLink: post["call-link"]), theme: post["theme"]),
                meetingID, context, services)
            return redirect(to: "/meetings/\(meetingID)?done=scheduled")
        }

        routes.get("/meetings/:meeting", readers) { request, context in
            try await show(request, context, services)
        }

        routes.post("/meetings/:meeting/held", organisers) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            let (meetingID, state) = try meeting(context, services)
            let attendance = state.invitees.enumerated().map { index, invitee in
                AttendanceRecord(
                    email: invitee.email, status: post["attendance-\(index)"].flatMap(AttendanceStatus.init(rawValue:)) ?? .notRecorded)
            }
            try run(.recordHeld(attendance: attendance), meetingID, context, services)
            return redirect(to: "/meetings/\(meetingID)?done=held")
        }

        routes.post("/meetings/:meeting/minutes", organisers) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            let (meetingID, _) = try meeting(context, services)
            try run(.recordMinutes(text: post.values["minutes"]?.first ?? ""), meetingID, context, services)
            return redirect(to: "/meetings/\(meetingID)?done=minutes")
        }

        routes.post("/meetings/:meeting/actions", organisers) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            let (meetingID, _) = try meeting(context, services)
            try run(
                .agreeAction(
                    actionID: ActionID(services.engine.workflow.makeID()), description: post["description"] ?? "",
                    owner: post["owner"] ?? "", dueDate: post["due"].flatMap(CalendarDate.init(iso:)), caseID: nil),
                meetingID, context, services)
            return redirect(to: "/meetings/\(meetingID)?done=action")
        }

        routes.post("/meetings/:meeting/reschedule", organisers) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            let (meetingID, state) = try meeting(context, services)
            guard let start = post["starts"].flatMap(LocalDateTime.parse) else {
                throw HTTPError(.unprocessableContent, message: "Enter the new date and time.")
            }
            let length = (state.endsAt ?? start).timeIntervalSince(state.startsAt ?? start)
            try run(
                .reschedule(startsAt: start, endsAt: start.addingTimeInterval(max(900, length)), venue: state.venue ?? MeetingVenue(place: "to be confirmed")),
                meetingID, context, services)
            return redirect(to: "/meetings/\(meetingID)?done=moved")
        }

        routes.post("/meetings/:meeting/agenda", .staff([.coordinator])) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            let (meetingID, state) = try meeting(context, services)
            guard let caseID = post["case"].flatMap(CaseID.init), let start = state.startsAt else {
                throw HTTPError(.unprocessableContent, message: "Choose a case to list.")
            }
            do {
                try services.engine.workflow.assignToPanel(
                    caseID, meetingID: meetingID, meetingDate: LondonTime.day(of: start), by: CasePages.actor(context))
            } catch {
                throw HTTPError(.unprocessableContent, message: describe(error))
            }
            return redirect(to: "/meetings/\(meetingID)?done=listed")
        }
    }

    /// Every meeting, latest first, with the number of cases on its agenda.
    static func listed(_ services: WebServices, now: Date) async throws -> [MeetingList.Row] {
        try await services.engine.store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.meeting_id, m.type, m.title, m.starts_at, m.status,
                           (SELECT COUNT(*) FROM meeting_agenda a WHERE a.meeting_id = m.meeting_id) AS cases
                    FROM meetings m ORDER BY m.starts_at DESC
                    """
            ).map { row -> MeetingList.Row in
                let startsAt: String? = row["starts_at"]
                let start = startsAt.flatMap(UTCTimestamp.parse)
                return MeetingList.Row(
                    id: row["meeting_id"], href: "/meetings/\(row["meeting_id"] as String)", title: row["title"],
                    kind: MeetingType(rawValue: row["type"])?.label ?? row["type"], when: start.map(DayFormatter.dayAndTime) ?? "",
                    startsAt: start, status: row["status"], cases: row["cases"], upcoming: (start ?? now) >= now, type: row["type"])
            }
        }
    }

    static func meeting(_ context: WebContext, _ services: WebServices) throws -> (MeetingID, MeetingState) {
        guard let meetingID = context.parameters.get("meeting").flatMap(MeetingID.init),
            let state = try? services.engine.workflow.meetingState(meetingID), state.exists
        else { throw HTTPError(.notFound, message: "There is no meeting with that reference.") }
        let staff = context.staff!
        if !(staff.has(.coordinator) || staff.has(.designatedDoctor)), state.type != .panel {
            throw HTTPError(.notFound, message: "There is no meeting with that reference.")
        }
        return (meetingID, state)
    }

    static func run(_ command: MeetingCommand, _ meetingID: MeetingID, _ context: WebContext, _ services: WebServices) throws {
        do {
            try services.engine.workflow.execute(command, on: meetingID, by: CasePages.actor(context))
        } catch {
            throw HTTPError(.unprocessableContent, message: describe(error))
        }
    }

    static func show(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        let (meetingID, state) = try meeting(context, services)
        let staff = context.staff!
        let identifiable = staff.has(.coordinator) || staff.has(.designatedDoctor)
        let ready = try await services.engine.store.read { db in try CaseQueries.list(stage: "readyForPanel", in: db) }
        let view = MeetingView(
            meetingID: meetingID, state: state, identifiable: identifiable, canOrganise: identifiable,
            canList: staff.has(.coordinator) && state.type == .panel && !state.isHeld && !state.isCancelled,
            ready: ready.map { ["value": $0.caseID, "label": $0.reference] })
        let notice: String? =
            switch request.uri.queryParameters.get("done") {
            case "convened": "The meeting has been convened. Each invitee will get an email with a calendar invitation."
            case "scheduled": "The meeting has been scheduled."
            case "moved": "The meeting has been moved. Each invitee will get an updated invitation."
            case "held": "The attendance has been recorded."
            case "minutes": "The minutes have been saved."
            case "action": "The action has been recorded."
            case "listed": "The case has been listed for this meeting."
            default: nil
            }
        return services.renderer.page(
            "meeting", view, chrome: services.chrome(state.title, context, path: "/meetings", notice: notice))
    }
}

struct MeetingList {
    struct Row {
        var id: String
        var href: String
        var title: String
        var kind: String
        var when: String
        var startsAt: Date?
        var status: String
        var cases: Int
        var upcoming: Bool
        var type: String
    }

    var upcoming: [Row]
    var hasUpcoming: Bool
    var past: [Row]
    var hasPast: Bool
    var canSchedule: Bool
    var meetingTypes: [[String: String]]
}

struct MeetingView {
    struct Person {
        var index: Int
        var name: String
        var email: String
        var role: String
        var organisation: String
        var attendance: String
        var options: [AttendanceOption]
    }

    struct AttendanceOption {
        var value: String
        var label: String
        var selected: Bool
    }

    struct AgendaItem {
        var reference: String
        var href: String
    }

    struct ActionRow {
        var description: String
        var owner: String
        var due: String
        var done: Bool
    }

    var title: String
    var kind: String
    var when: String
    var venue: String
    var status: String
    var theme: String?
    var invitees: [Person]
    var hasInvitees: Bool
    var agenda: [AgendaItem]
    var hasAgenda: Bool
    var minutes: String
    var actions: [ActionRow]
    var hasActions: Bool
    var canOrganise: Bool
    var canList: Bool
    var ready: [[String: String]]
    var hasReady: Bool
    var startsValue: String
    var base: String

    init(meetingID: MeetingID, state: MeetingState, identifiable: Bool, canOrganise: Bool, canList: Bool, ready: [[String: String]]) {
        title = state.title
        kind = state.type.map { $0.label.prefix(1).uppercased() + $0.label.dropFirst() } ?? ""
        when = state.startsAt.map(DayFormatter.dayAndTime) ?? "not set"
        venue = state.venue?.label ?? ""
        status = state.isCancelled ? "Cancelled" : state.isHeld ? "Held" : "Scheduled"
        theme = state.theme
        let attendance = Dictionary(state.attendance.map { ($0.email, $0.status) }, uniquingKeysWith: { _, last in last })
        invitees = state.invitees.enumerated().map { index, invitee in
            Person(
                index: index, name: invitee.name, email: invitee.email, role: InviteeRoleNames.label(invitee.role),
                organisation: invitee.organisation ?? "",
                attendance: AttendanceNames.label(attendance[invitee.email] ?? .notRecorded),
                options: AttendanceStatus.allCases.map {
                    AttendanceOption(value: $0.rawValue, label: AttendanceNames.label($0), selected: $0 == (attendance[invitee.email] ?? .notRecorded))
                })
        }
        hasInvitees = !invitees.isEmpty
        agenda = state.agenda.map { caseID in
            AgendaItem(
                reference: CaseTables.reference(of: caseID), href: identifiable ? "/cases/\(caseID)" : "/panel/cases/\(caseID)")
        }
        hasAgenda = !agenda.isEmpty
        minutes = state.minutes ?? ""
        actions = state.actions.map {
            ActionRow(description: $0.description, owner: $0.owner, due: DayFormatter.long($0.dueDate), done: !$0.isOpen)
        }
        hasActions = !actions.isEmpty
        self.canOrganise = canOrganise && !state.isCancelled
        self.canList = canList
        self.ready = ready
        hasReady = !ready.isEmpty
        startsValue = state.startsAt.map(LocalDateTime.inputValue) ?? ""
        base = "/meetings/\(meetingID)"
    }
}

enum AttendanceNames {
    static func label(_ status: AttendanceStatus) -> String {
        switch status {
        case .attended: "Attended"
        case .sentApologies: "Sent apologies"
        case .didNotAttend: "Did not attend"
        case .notRecorded: "Not recorded"
        }
    }
}
