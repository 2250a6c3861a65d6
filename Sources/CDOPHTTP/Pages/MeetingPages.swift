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
        routes.get("/meetings", readers, .page, listMeetings)
        routes.post("/meetings", .staff([.coordinator]), .page, scheduleMeeting)
        routes.get("/meetings/:meeting", readers, .page, showMeeting)
        routes.post("/meetings/:meeting/held", organisers, .page, recordHeld)
        routes.post("/meetings/:meeting/minutes", organisers, .page, recordMinutes)
        routes.post("/meetings/:meeting/actions", organisers, .page, agreeAction)
        routes.post("/meetings/:meeting/reschedule", organisers, .page, reschedule)
        routes.post("/meetings/:meeting/agenda", .staff([.coordinator]), .page, addToAgenda)
    }

    /// GET /meetings
    static func listMeetings(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        try await list(context, services)
    }

    /// POST /meetings
    static func scheduleMeeting(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        var errors: [PageChrome.ErrorLink] = []
        let type = post["type"].flatMap(MeetingType.init(rawValue:))
        if type == nil { errors.append(.init(field: "type", message: "Choose the kind of meeting")) }
        if post["title"] == nil { errors.append(.init(field: "title", message: "Enter the meeting's title")) }
        let start = post["starts"].flatMap(LocalDateTime.parse)
        if start == nil {
            errors.append(.init(field: "starts", message: "Enter the date and time, for example 2026-06-03 14:00"))
        }
        let minutes = Int(post["duration"] ?? "120") ?? 0
        if !(15...480).contains(minutes) {
            errors.append(.init(field: "duration", message: "The length must be between 15 and 480 minutes"))
        }
        guard errors.isEmpty, let type, let title = post["title"], let start else {
            return try await list(context, services, errors: errors, post: post)
        }
        let meetingID = MeetingID(services.engine.workflow.makeID())
        if let refusal = try await attempt({
            try await services.engine.workflow.execute(
                .schedule(
                    meetingID: meetingID, type: type, title: title, startsAt: start,
                    endsAt: start.addingTimeInterval(Double(minutes) * 60),
                    venue: MeetingVenue(place: post["place"], callLink: post["call-link"]), theme: post["theme"]),
                on: meetingID, by: context.requireStaff().actor)
        }) {
            return try await list(
                context, services, errors: [.init(field: venueField(refusal) ?? "title", message: refusal)], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=scheduled")
    }

    /// GET /meetings/:meeting
    static func showMeeting(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        try await show(request, context, services)
    }

    /// POST /meetings/:meeting/held
    static func recordHeld(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, state) = try organisedMeeting(context, services)
        let attendance = state.invitees.enumerated().map { index, invitee in
            AttendanceRecord(
                email: invitee.email,
                status: post["attendance-\(index)"].flatMap(AttendanceStatus.init(rawValue:)) ?? .notRecorded)
        }
        if let refusal = try await attempt({
            try await run(.recordHeld(attendance: attendance), meetingID, context, services)
        }) {
            return try await show(
                request, context, services, errors: [.init(field: "held", message: refusal)], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=held")
    }

    /// POST /meetings/:meeting/minutes
    static func recordMinutes(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, _) = try organisedMeeting(context, services)
        if let refusal = try await attempt({
            try await run(.recordMinutes(text: post.values["minutes"]?.first ?? ""), meetingID, context, services)
        }) {
            return try await show(
                request, context, services, errors: [.init(field: "minutes", message: refusal)], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=minutes")
    }

    /// POST /meetings/:meeting/actions
    static func agreeAction(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, _) = try organisedMeeting(context, services)
        var errors: [PageChrome.ErrorLink] = []
        if post["description"] == nil {
            errors.append(.init(field: "description", message: "Enter what is to be done"))
        }
        if post["owner"] == nil { errors.append(.init(field: "owner", message: "Enter who owns the action")) }
        let due = post["due"].flatMap(CalendarDate.init(iso:))
        if post["due"] != nil, due == nil {
            errors.append(.init(field: "due", message: "Enter the due date as a real date, for example 2026-12-07"))
        }
        if errors.isEmpty,
            let refusal = try await attempt({
                try await run(
                    .agreeAction(
                        actionID: ActionID(services.engine.workflow.makeID()), description: post["description"] ?? "",
                        owner: post["owner"] ?? "", dueDate: due, caseID: nil),
                    meetingID, context, services)
            })
        {
            errors.append(.init(field: "description", message: refusal))
        }
        guard errors.isEmpty else { return try await show(request, context, services, errors: errors, post: post) }
        return redirect(to: "/meetings/\(meetingID)?done=action")
    }

    /// POST /meetings/:meeting/reschedule
    static func reschedule(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, state) = try organisedMeeting(context, services)
        guard let start = post["starts"].flatMap(LocalDateTime.parse) else {
            return try await show(
                request, context, services,
                errors: [.init(field: "starts", message: "Enter the new date and time, for example 2026-06-03 14:00")],
                post: post)
        }
        let length = (state.endsAt ?? start).timeIntervalSince(state.startsAt ?? start)
        if let refusal = try await attempt({
            try await run(
                .reschedule(
                    startsAt: start, endsAt: start.addingTimeInterval(max(900, length)),
                    venue: state.venue ?? MeetingVenue(place: "to be confirmed")),
                meetingID, context, services)
        }) {
            return try await show(
                request, context, services, errors: [.init(field: "starts", message: refusal)], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=moved")
    }

    /// POST /meetings/:meeting/agenda
    static func addToAgenda(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, state, _) = try meeting(context, services)
        guard let caseID = post["case"].flatMap(CaseID.init), let start = state.startsAt,
            (try? CasePages.caseInScope(caseID, context, services)) != nil
        else {
            return try await show(
                request, context, services, errors: [.init(field: "case", message: "Choose a case to list")], post: post
            )
        }
        if let refusal = try await attempt({
            try services.engine.workflow.assignToPanel(
                caseID, meetingID: meetingID, meetingDate: LondonTime.day(of: start), by: context.requireStaff().actor)
        }) {
            return try await show(
                request, context, services, errors: [.init(field: "case", message: refusal)], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=listed")
    }

    /// The meetings `staff` may see, latest first, each with the number of its cases they may see. Panel members
    /// see panel meetings only; a user limited to areas sees the meetings with a case in them (or with none yet).
    static func listed(_ services: WebServices, for staff: StaffIdentity, now: Date) async throws -> [MeetingList.Row] {
        let panelOnly = !staff.seesIdentifiableMeetings
        let user = staff.user
        return try await services.engine.store.queuedSnapshot { db in try MeetingQueries.list(in: db) }.compactMap {
            meeting in
            let visibleCases = meeting.agendaAreas.filter { user.mayView(areaCode: $0) }.count
            guard visibleCases == meeting.agendaAreas.count || visibleCases > 0 else { return nil }
            guard !panelOnly || meeting.type == MeetingType.panel.rawValue else { return nil }
            return MeetingList.Row(
                id: meeting.meetingID, href: "/meetings/\(meeting.meetingID)", title: meeting.title,
                kind: MeetingType(rawValue: meeting.type)?.label ?? meeting.type,
                when: meeting.startsAt.map(DayFormatter.dayAndTime) ?? "", startsAt: meeting.startsAt,
                status: meeting.status,
                cases: visibleCases, upcoming: (meeting.startsAt ?? now) >= now, type: meeting.type)
        }
    }

    /// The meeting in the path as the signed-in user may see it (`MeetingScope`): panel members reach panel
    /// meetings only, and a user limited to areas reaches a meeting only through a case of theirs on it. Else
    /// 404, never a hint that the meeting exists.
    static func meeting(_ context: WebContext, _ services: WebServices) throws -> (
        MeetingID, MeetingState, MeetingScope
    ) {
        let notFound = HTTPError(.notFound, message: "There is no meeting with that reference.")
        guard let meetingID = context.parameters.get("meeting").flatMap(MeetingID.init),
            let state = try? services.engine.workflow.meetingState(meetingID), state.exists, let staff = context.staff
        else { throw notFound }
        if !staff.seesIdentifiableMeetings, state.type != .panel {
            try? services.accessLog.recordAccessRefused(
                context.route?.description ?? "meeting", reason: .role, meetingID: meetingID, by: staff.user)
            throw notFound
        }
        let (seen, scope) = try scoped(state, for: staff, services)
        guard scope.isVisible else {
            try? services.accessLog.recordAccessRefused(
                context.route?.description ?? "meeting", reason: .area, meetingID: meetingID, by: staff.user)
            throw notFound
        }
        return (meetingID, seen, scope)
    }

    /// `state` as `staff` may see it, and their scope on it.
    static func scoped(_ state: MeetingState, for staff: StaffIdentity, _ services: WebServices) throws -> (
        MeetingState, MeetingScope
    ) {
        let areas = try services.engine.store.snapshot { db in try MeetingQueries.areas(of: state.agenda, in: db) }
        let scope = MeetingScope(user: staff.user, agenda: state.agenda, areas: areas)
        return (scope.restrict(state), scope)
    }

    /// The meeting in the path, for a change to the whole of it (invitees, time, attendance, minutes, actions):
    /// refused unless every case on it lies in the user's areas.
    static func organisedMeeting(_ context: WebContext, _ services: WebServices) throws -> (MeetingID, MeetingState) {
        let (meetingID, state, scope) = try meeting(context, services)
        guard scope.coversWholeMeeting else { throw MeetingScope.outsideAreas }
        return (meetingID, state)
    }

    static func run(_ command: MeetingCommand, _ meetingID: MeetingID, _ context: WebContext, _ services: WebServices)
        async throws
    {
        try await services.engine.workflow.execute(command, on: meetingID, by: context.requireStaff().actor)
    }

    /// Runs `body`; a refusal comes back as the sentence to show beside the field, never as an error page.
    static func attempt(_ body: () async throws -> Void) async throws -> String? {
        do {
            try await body()
            return nil
        } catch {
            return try refusal(error)
        }
    }

    /// The meetings page, with the scheduling form's errors and what was typed when it came back.
    static func list(
        _ context: WebContext, _ services: WebServices, errors: [PageChrome.ErrorLink] = [], post: FormPost = FormPost()
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let rows = try await listed(services, for: staff, now: services.now)
        let upcoming = rows.filter(\.upcoming).reversed().map { $0 }
        let past = rows.filter { !$0.upcoming }
        let chosen = post["type"] ?? MeetingType.panel.rawValue
        var typed = Dictionary(
            post.answersOnly.map { ($0.key, $0.value.first ?? "") }, uniquingKeysWith: { first, _ in first })
        if typed["duration"] == nil { typed["duration"] = "120" }
        let view = MeetingList(
            upcoming: upcoming, hasUpcoming: !upcoming.isEmpty, past: past, hasPast: !past.isEmpty,
            canSchedule: staff.actsForPanel,
            meetingTypes: MeetingType.allCases.map {
                CasePageView.Option(
                    value: $0.rawValue, label: $0.label.capitalisedFirst, selected: $0.rawValue == chosen)
            },
            typed: typed,
            errorFor: Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first }))
        return services.renderer.page(
            "meetings", view, chrome: services.chrome("Meetings", context, path: "/meetings", errors: errors),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func show(
        _ request: Request, _ context: WebContext, _ services: WebServices, errors: [PageChrome.ErrorLink] = [],
        post: FormPost = FormPost()
    ) async throws -> Response {
        let (meetingID, state, scope) = try meeting(context, services)
        let staff = try context.requireStaff()
        let identifiable = staff.seesIdentifiableMeetings
        let ready = try await services.engine.store.queuedSnapshot { db in
            try CaseQueries.list(stage: "readyForPanel", in: db)
        }
        .filter { staff.hasCaseInScope(areaCode: $0.areaCode) }
        var view = MeetingPageView(
            meetingID: meetingID, state: state, identifiable: identifiable,
            canOrganise: identifiable && scope.coversWholeMeeting,
            partial: !scope.coversWholeMeeting,
            canList: staff.actsForPanel && state.type == .panel && !state.isHeld && !state.isCancelled,
            ready: ready.map { summary -> [String: String] in
                let outstanding = summary.outstandingRequests == 0 ? [] : outstandingAgencies(summary.caseID, services)
                let warning =
                    outstanding.isEmpty ? "" : " (forms outstanding from \(outstanding.joined(separator: ", ")))"
                return ["value": summary.caseID, "label": summary.reference + warning]
            })
        view.typed = Dictionary(
            post.answersOnly.map { ($0.key, $0.value.first ?? "") }, uniquingKeysWith: { first, _ in first })
        view.errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        try await organising(&view, state: state, staff: staff, identifiable: identifiable, scope: scope, services)
        if let minutes = view.typed["minutes"] { view.minutes = minutes }
        let notice: String? =
            switch request.uri.queryParameters.get("done") {
            case "convened": "The meeting has been convened. Each invitee will get an email with a calendar invitation."
            case "scheduled": "The meeting has been scheduled."
            case "moved": "The meeting has been moved. Each invitee will get an updated invitation."
            case "held": "The attendance has been recorded."
            case "minutes": "The minutes have been saved."
            case "action": "The action has been recorded."
            case "listed": "The case has been listed for this meeting."
            case "invited":
                "The invitation has been recorded. The invitee will get an email with a calendar invitation."
            case "uninvited": "The invitation has been withdrawn. If it was already sent, they get a cancellation."
            case "cancelled": "The meeting has been cancelled. Each invitee will get a cancellation."
            case "removed": "The case has been taken off the agenda."
            case "waived": "The form request has been waived."
            default: nil
            }
        return services.renderer.page(
            "meeting", view,
            chrome: services.chrome(state.title, context, path: "/meetings", notice: notice, errors: errors),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}

struct MeetingList: Encodable {
    struct Row: Encodable {
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
    var meetingTypes: [CasePageView.Option]
    var typed: [String: String]
    var errorFor: [String: String]
}

struct MeetingPageView: Encodable {
    struct Person: Encodable {
        var index: Int
        var name: String
        var email: String
        var role: String
        var organisation: String
        var attendance: String
        var options: [AttendanceOption]
    }

    struct AttendanceOption: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct AgendaItem: Encodable {
        var reference: String
        var href: String
        var caseID = ""
        /// The agencies whose forms are still outstanding, for the warning; nil when none is.
        var outstanding: String?
        var requests: [WaiveRow] = []
        var canRemove = false
        var canWaive = false
    }

    /// An outstanding form request of a listed case, with its waive form's error.
    struct WaiveRow: Encodable {
        var id: String
        var agency: String
        var error: String?
    }

    struct ActionRow: Encodable {
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
    /// Attendance can be recorded, and the meeting recorded as held, once: not after.
    var canRecordHeld: Bool
    /// The meeting has cases from areas outside the user's: only theirs are shown.
    var partial: Bool
    var canList: Bool
    var ready: [[String: String]]
    var hasReady: Bool
    var startsValue: String
    var base: String
    var typed: [String: String] = [:]
    var errorFor: [String: String] = [:]
    /// Invitations and cancellation are offered: the user organises the whole meeting, neither held nor cancelled.
    var canChange = false
    var roleOptions: [AttendanceOption] = []
    var staffOptions: [AttendanceOption] = []
    var packHref = ""
    var cancellation: String?

    init(
        meetingID: MeetingID, state: MeetingState, identifiable: Bool, canOrganise: Bool, partial: Bool, canList: Bool,
        ready: [[String: String]]
    ) {
        self.partial = partial
        title = state.title
        kind = state.type.map { $0.label.capitalisedFirst } ?? ""
        when = state.startsAt.map(DayFormatter.dayAndTime) ?? "not set"
        venue = state.venue?.label ?? ""
        status = state.isCancelled ? "Cancelled" : state.isHeld ? "Held" : "Scheduled"
        theme = state.theme
        let attendance = Dictionary(
            state.attendance.map { ($0.email, $0.status) }, uniquingKeysWith: { _, last in last })
        invitees = state.invitees.enumerated().map { index, invitee in
            Person(
                index: index, name: invitee.name, email: invitee.email, role: InviteeRoleNames.label(invitee.role),
                organisation: invitee.organisation ?? "",
                attendance: AttendanceNames.label(attendance[invitee.email] ?? .notRecorded),
                options: AttendanceStatus.allCases.map {
                    AttendanceOption(
                        value: $0.rawValue, label: AttendanceNames.label($0),
                        selected: $0 == (attendance[invitee.email] ?? .notRecorded))
                })
        }
        hasInvitees = !invitees.isEmpty
        agenda = state.agenda.map { caseID in
            AgendaItem(
                reference: caseID.reference, href: identifiable ? "/cases/\(caseID)" : "/panel/cases/\(caseID)")
        }
        hasAgenda = !agenda.isEmpty
        minutes = state.minutes ?? ""
        actions = state.actions.map {
            ActionRow(
                description: $0.description, owner: $0.owner, due: DayFormatter.long($0.dueDate), done: !$0.isOpen)
        }
        hasActions = !actions.isEmpty
        self.canOrganise = canOrganise && !state.isCancelled
        canRecordHeld = self.canOrganise && !state.isHeld
        self.canList = canList
        self.ready = ready
        hasReady = !ready.isEmpty
        startsValue = state.startsAt.map(LocalDateTime.inputValue) ?? ""
        base = "/meetings/\(meetingID)"
        packHref = base + "/pack"
        cancellation = state.cancellationReason
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

extension MeetingPages {
    /// The field a refusal of the venue concerns ("call-link" or "place"), else nil.
    static func venueField(_ refusal: String) -> String? {
        if refusal.contains("place or a call link") { return "place" }
        if refusal.contains("call link") { return "call-link" }
        return nil
    }

    /// The agencies whose forms `caseID` still awaits.
    static func outstandingAgencies(_ caseID: String, _ services: WebServices) -> [String] {
        guard let id = CaseID(caseID), let state = try? services.engine.workflow.caseState(id) else { return [] }
        return state.outstandingRequests.map(\.agencyName)
    }

    /// What the meeting page offers beyond reading: the invite form (with the staff to choose from), un-invite
    /// and cancel for an organiser of the whole meeting; each listed case's outstanding forms, with a waive form
    /// and a remove button for the coordinator.
    static func organising(
        _ view: inout MeetingPageView, state: MeetingState, staff: StaffIdentity, identifiable: Bool,
        scope: MeetingScope,
        _ services: WebServices
    ) async throws {
        let open = !state.isHeld && !state.isCancelled
        view.canChange = identifiable && scope.coversWholeMeeting && open
        let coordinator = staff.actsForPanel && open
        let errors = view.errorFor
        for index in view.agenda.indices {
            let caseID = state.agenda[index]
            let outstanding = (try? services.engine.workflow.caseState(caseID))?.outstandingRequests ?? []
            view.agenda[index].caseID = caseID.description
            view.agenda[index].outstanding =
                outstanding.isEmpty ? nil : outstanding.map(\.agencyName).joined(separator: ", ")
            view.agenda[index].requests = outstanding.map {
                MeetingPageView.WaiveRow(id: $0.id.description, agency: $0.agencyName, error: errors["waive-\($0.id)"])
            }
            view.agenda[index].canRemove = coordinator
            view.agenda[index].canWaive = open && staff.mayWaiveAgendaRequests
        }
        guard view.canChange else { return }
        let chosenRole = view.typed["invitee-role"] ?? InviteeRole.other.rawValue
        view.roleOptions = InviteeRole.allCases.map {
            MeetingPageView.AttendanceOption(
                value: $0.rawValue, label: InviteeRoleNames.label($0), selected: $0.rawValue == chosenRole)
        }
        let invited = Set(state.invitees.map { $0.email.lowercased() })
        let chosenStaff = view.typed["invitee-staff"]
        let users = try await services.engine.store.queuedSnapshot { db in
            try UserQueries.all(includeDisabled: false, in: db)
        }
        view.staffOptions = users.filter {
            !$0.roles.isDisjoint(with: [.coordinator, .designatedDoctor, .panelMember])
                && !invited.contains($0.email.lowercased())
        }
        .map {
            MeetingPageView.AttendanceOption(
                value: $0.username, label: "\($0.displayName) (\($0.email))", selected: chosenStaff == $0.username)
        }
    }
}
