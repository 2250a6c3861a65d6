import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// What an organiser does to a meeting on its page besides scheduling it: invite and un-invite, cancel, take a
/// case off the agenda, waive a case's outstanding forms, and the printable agenda pack for panel members.
enum MeetingOrganiserPages {
    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.post("/meetings/:meeting/invitees", MeetingPages.organisers) { try await invite($0, $1, services) }
        routes.post("/meetings/:meeting/invitees/withdraw", MeetingPages.organisers) {
            try await uninvite($0, $1, services)
        }
        routes.post("/meetings/:meeting/cancel", MeetingPages.organisers) { try await cancel($0, $1, services) }
        routes.post("/meetings/:meeting/agenda/remove", .staff([.coordinator])) {
            try await removeCase($0, $1, services)
        }
        // The panel's chair (a panel member) may waive there too, as the coordinator may.
        routes.post("/meetings/:meeting/agenda/waive", .staff([.coordinator, .panelMember])) {
            try await waive($0, $1, services)
        }
        routes.get("/meetings/:meeting/pack", MeetingPages.readers) { try await pack($0, $1, services) }
    }

    /// `POST /meetings/{id}/invitees`: invites someone by name and email, or a member of staff by username.
    static func invite(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, _) = try MeetingPages.organisedMeeting(context, services)
        var name = post["invitee-name"]
        var email = post["invitee-email"]
        var role = post["invitee-role"].flatMap(InviteeRole.init(rawValue:)) ?? .other
        var organisation = post["invitee-organisation"]
        var errors: [PageChrome.ErrorLink] = []
        if let username = post["invitee-staff"] {
            if let user = try await services.engine.store.queuedSnapshot({ db in
                try UserQueries.user(named: username, in: db)
            }),
                !user.disabled
            {
                name = user.displayName
                email = user.email
                role = inviteeRole(of: user.roles)
                organisation = organisation ?? services.engine.panel.name
            } else {
                errors.append(.init(field: "invitee-staff", message: "Choose a member of staff from the list"))
            }
        } else {
            if name == nil {
                errors.append(
                    .init(field: "invitee-name", message: "Enter the invitee's name, or choose a member of staff"))
            }
            if email == nil {
                errors.append(
                    .init(field: "invitee-email", message: "Enter the invitee's email address, like name@example.org"))
            }
        }
        guard errors.isEmpty, let name, let email else {
            return try await MeetingPages.show(request, context, services, errors: errors, post: post)
        }
        do {
            try await MeetingPages.run(
                .invite(Invitee(name: name, email: email, role: role, organisation: organisation)), meetingID, context,
                services)
        } catch {
            let code = (error as? CommandError)?.code ?? ""
            let field =
                post["invitee-staff"] != nil
                ? "invitee-staff" : code.lowercased().contains("name") ? "invitee-name" : "invitee-email"
            return try await MeetingPages.show(
                request, context, services, errors: [.init(field: field, message: try refusal(error))], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=invited")
    }

    /// The part a member of staff plays at a meeting, from their roles.
    static func inviteeRole(of roles: Set<StaffRole>) -> InviteeRole {
        if roles.contains(.designatedDoctor) { return .designatedDoctor }
        if roles.contains(.coordinator) { return .coordinator }
        if roles.contains(.panelMember) { return .panelMember }
        return .other
    }

    /// `POST /meetings/{id}/invitees/withdraw`: takes back one invitation (the `email` field).
    static func uninvite(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, _) = try MeetingPages.organisedMeeting(context, services)
        guard let email = post["email"] else {
            return try await MeetingPages.show(
                request, context, services,
                errors: [.init(field: "invitees", message: "Choose whose invitation to withdraw")], post: post)
        }
        if let refusal = try await MeetingPages.attempt({
            try await MeetingPages.run(.withdrawInvitation(email: email), meetingID, context, services)
        }) {
            return try await MeetingPages.show(
                request, context, services, errors: [.init(field: "invitees", message: refusal)], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=uninvited")
    }

    /// `POST /meetings/{id}/cancel`: cancels the meeting with a reason, once confirmed; invitees get a cancellation.
    static func cancel(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, _) = try MeetingPages.organisedMeeting(context, services)
        var errors: [PageChrome.ErrorLink] = []
        if post["cancel-reason"] == nil {
            errors.append(.init(field: "cancel-reason", message: "Enter why the meeting is cancelled"))
        }
        if post["cancel-confirm"] != "yes" {
            errors.append(
                .init(
                    field: "cancel-confirm",
                    message: "Confirm that the meeting is to be cancelled and every invitee told"))
        }
        if errors.isEmpty,
            let refusal = try await MeetingPages.attempt({
                try await MeetingPages.run(.cancel(reason: post["cancel-reason"] ?? ""), meetingID, context, services)
            })
        {
            errors.append(.init(field: "cancel-reason", message: refusal))
        }
        guard errors.isEmpty else {
            return try await MeetingPages.show(request, context, services, errors: errors, post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=cancelled")
    }

    /// `POST /meetings/{id}/agenda/remove`: takes one of the user's cases off the agenda.
    static func removeCase(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, _, scope) = try MeetingPages.meeting(context, services)
        guard let caseID = post["case"].flatMap(CaseID.init), scope.visibleAgenda.contains(caseID) else {
            return try await MeetingPages.show(
                request, context, services,
                errors: [.init(field: "agenda", message: "Choose a case on the agenda to remove")], post: post)
        }
        if let refusal = try await MeetingPages.attempt({
            try await MeetingPages.run(.removeCaseFromAgenda(caseID), meetingID, context, services)
        }) {
            return try await MeetingPages.show(
                request, context, services, errors: [.init(field: "agenda", message: refusal)], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=removed")
    }

    /// `POST /meetings/{id}/agenda/waive`: waives a listed case's outstanding form request, with a reason (the
    /// coordinator, or the chair at the panel).
    static func waive(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (meetingID, _, scope) = try MeetingPages.meeting(context, services)
        guard let caseID = post["case"].flatMap(CaseID.init), scope.visibleAgenda.contains(caseID),
            let requestID = post["request"].flatMap(FormRequestID.init)
        else {
            return try await MeetingPages.show(
                request, context, services,
                errors: [.init(field: "agenda", message: "Choose an outstanding form to waive")], post: post)
        }
        let field = "waive-\(requestID)"
        guard let reason = post["reason"] else {
            return try await MeetingPages.show(
                request, context, services,
                errors: [.init(field: field, message: "Enter why the form is no longer needed")], post: post)
        }
        do {
            try await services.engine.workflow.execute(
                .waiveFormRequest(requestID: requestID, reason: reason), on: caseID, by: context.requireStaff().actor)
        } catch {
            return try await MeetingPages.show(
                request, context, services, errors: [.init(field: field, message: try refusal(error))], post: post)
        }
        return redirect(to: "/meetings/\(meetingID)?done=waived")
    }

    /// `GET /meetings/{id}/pack`: the agenda pack to print: each case on the agenda the reader may see,
    /// pseudonymised, with its returned forms as the panel reads them. Each case's papers are an access.
    static func pack(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        let (meetingID, state, _) = try MeetingPages.meeting(context, services)
        let cases = try await packCases(state, context, services)
        let view = AgendaPack(
            title: state.title, when: state.startsAt.map(DayFormatter.dayAndTime) ?? "not set",
            venue: state.venue?.label ?? "",
            meetingHref: "/meetings/\(meetingID)", cases: cases, hasCases: !cases.isEmpty)
        return services.renderer.page(
            "meeting-pack", view, chrome: services.chrome("Agenda pack: \(state.title)", context, path: "/meetings"))
    }

    /// The cases of the agenda pack: each case on the agenda `state` shows (already limited to the reader's
    /// areas), pseudonymised; each one's papers recorded on the reader's access log (no record, no papers).
    static func packCases(_ state: MeetingState, _ context: WebContext, _ services: WebServices) async throws
        -> [PseudonymisedCase]
    {
        var cases: [PseudonymisedCase] = []
        for caseID in state.agenda {
            guard let caseState = try? services.engine.workflow.caseState(caseID), caseState.exists else { continue }
            try await services.accessLog.recordCaseViewed(caseID, view: .panelPapers, by: context.requireStaff().user)
            cases.append(PseudonymisedCase(services, caseID: caseID, state: caseState))
        }
        return cases
    }

    struct AgendaPack: Encodable {
        var title: String
        var when: String
        var venue: String
        var meetingHref: String
        var cases: [PseudonymisedCase]
        var hasCases: Bool
    }
}
