import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import Foundation
import Hummingbird

/// The JSON API's meetings: list, read, schedule, convene a rapid response, and every organiser's command; and
/// the panel's pseudonymised case with its outcome. The same roles as the pages.
enum MeetingAPIRoutes {
    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/api/v1/meetings", MeetingPages.readers, .api, listMeetings)
        routes.post("/api/v1/meetings", .staff([.coordinator]), .api, scheduleMeeting)
        routes.get("/api/v1/meetings/:meeting", MeetingPages.readers, .api, showMeeting)
        routes.get("/api/v1/meetings/:meeting/pack", MeetingPages.readers, .api, showPack)
        routes.post("/api/v1/meetings/:meeting/commands", MeetingPages.organisers, .api, runMeetingCommand)
        routes.post("/api/v1/cases/:case/rapid-response", .staff([.designatedDoctor]), .api, conveneRapidResponse)
        routes.get("/api/v1/panel/cases/:case", PanelPages.panel, .api, showPanelCase)
        routes.post("/api/v1/panel/cases/:case/outcome", PanelPages.panel, .api, recordPanelOutcome)
    }

    /// GET /api/v1/meetings
    static func listMeetings(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            let rows = try await MeetingPages.listed(services, for: context.requireStaff(), now: services.now)
            return API.json(
                rows.map {
                    MeetingListing(
                        meetingId: $0.id, type: $0.type, title: $0.title, startsAt: $0.startsAt, status: $0.status,
                        cases: $0.cases)
                })
        }
    }

    /// POST /api/v1/meetings
    static func scheduleMeeting(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            var request = request
            let body = try await API.body(ScheduleMeetingBody.self, &request)
            let meetingID = MeetingID(services.engine.workflow.makeID())
            try await services.engine.workflow.execute(
                .schedule(
                    meetingID: meetingID, type: body.type, title: body.title, startsAt: body.startsAt,
                    endsAt: body.endsAt,
                    venue: MeetingVenue(place: body.place, callLink: body.callLink), theme: body.theme),
                on: meetingID, by: context.requireStaff().actor)
            return API.json(
                MeetingView(meetingID, try services.engine.workflow.meetingState(meetingID), identifiable: true),
                status: .created)
        }
    }

    /// GET /api/v1/meetings/:meeting
    static func showMeeting(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            let (meetingID, state, _) = try meeting(context, services)
            return API.json(
                MeetingView(meetingID, state, identifiable: try context.requireStaff().seesIdentifiableMeetings))
        }
    }

    /// GET /api/v1/meetings/:meeting/pack
    static func showPack(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        await API.handle {
            let (_, state, _) = try meeting(context, services)
            return API.json(try await MeetingOrganiserPages.packCases(state, context, services))
        }
    }

    /// POST /api/v1/meetings/:meeting/commands
    static func runMeetingCommand(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            var request = request
            let (meetingID, state, scope) = try meeting(context, services)
            let body = try await API.body(MeetingCommandBody.self, &request)
            try await body.execute(on: meetingID, state: state, scope: scope, context, services)
            // What is left for the caller to see: after removing their last case, nothing but the meeting itself.
            let after = try MeetingPages.scoped(
                try services.engine.workflow.meetingState(meetingID), for: context.requireStaff(), services)
            return API.json(MeetingView(meetingID, after.0, identifiable: true))
        }
    }

    /// POST /api/v1/cases/:case/rapid-response
    static func conveneRapidResponse(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            var request = request
            let (caseID, _) = try CasePages.caseInScope(context, services)
            let body = try await API.body(ConveneBody.self, &request)
            try InviteeNames.requireMailable(body.invitees) { "/invitees/\($0)/name" }
            let reference = caseID.reference
            let meetingID = try services.engine.workflow.conveneRapidResponse(
                for: caseID, scheduledFor: body.startsAt, invitees: body.invitees, by: context.requireStaff().actor
            ) { id in
                .schedule(
                    meetingID: id, type: .rapidResponse, title: "Rapid-response meeting \(reference)",
                    startsAt: body.startsAt,
                    endsAt: body.endsAt, venue: MeetingVenue(place: body.place, callLink: body.callLink), theme: nil)
            }
            return API.json(
                MeetingView(meetingID, try services.engine.workflow.meetingState(meetingID), identifiable: true),
                status: .created)
        }
    }

    /// GET /api/v1/panel/cases/:case
    static func showPanelCase(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            let (caseID, state) = try PanelPages.caseOnAgenda(context, services)
            return API.json(PseudonymisedCase(services, caseID: caseID, state: state))
        }
    }

    /// POST /api/v1/panel/cases/:case/outcome
    static func recordPanelOutcome(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            var request = request
            let (caseID, state) = try PanelPages.caseOnAgenda(context, services)
            let body = try await API.body(OutcomeBody.self, &request)
            guard let death = state.notification?.death.date else { throw Problem.notFound("case") }
            let form = services.definitions.forms.analysis
            switch form.validate(answers: body.answers, today: LondonTime.day(of: services.now), mode: .submit) {
            case .invalid(let errors, _): throw FieldErrors(errors)
            case .valid(let answers):
                try PanelPages.record(answers, dateOfDeath: death, on: caseID, context, services)
                let state = try services.engine.workflow.caseState(caseID)
                return API.json(
                    CaseCommandResult(caseId: caseID.description, stage: state.stage?.name ?? ""), status: .created)
            }
        }
    }

    /// The meeting in the path as the caller may see it (`MeetingPages.meeting`); else "not found".
    static func meeting(_ context: WebContext, _ services: WebServices) throws -> (
        MeetingID, MeetingState, MeetingScope
    ) {
        do {
            return try MeetingPages.meeting(context, services)
        } catch let error as HTTPError where error.status == .notFound {
            throw Problem.notFound("meeting")
        }
    }

    struct MeetingListing: Encodable {
        var meetingId: String
        var type: String
        var title: String
        var startsAt: Date?
        var status: String
        var cases: Int
    }

    struct OutcomeBody: Decodable {
        var answers: FormAnswers
    }

    struct CaseCommandResult: Encodable {
        var caseId: String
        var stage: String
    }
}
