import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird

/// The coordinator's (and designated doctor's) case page: the child, the stage, requests, the timeline, and
/// the actions of the moment. Every view of it is recorded on the viewer's access log.
enum CasePages {
    static let viewers = Access.staff([.coordinator, .designatedDoctor])

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/cases/:case", viewers, .page, showCase)
        routes.post("/cases/:case/requests", .staff([.coordinator]), .page, requestForm)
        routes.post("/cases/:case/commands", viewers, .page, runCaseCommand)
        routes.post("/cases/:case/duplicate", .staff([.coordinator]), .page, decideDuplicate)
    }

    /// GET /cases/:case
    static func showCase(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        // A reference typed into the address bar (CDOP-1A2B3C4D, or one from earlier records) goes to the case.
        if context.pathCaseID == nil {
            let (caseID, _) = try caseInScope(context, services)
            return redirect(to: "/cases/\(caseID)")
        }
        return try await show(request, context, services)
    }

    /// POST /cases/:case/requests
    static func requestForm(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, _) = try caseInScope(context, services)
        var errors: [PageChrome.ErrorLink] = []
        let agencyID = post["agency"].flatMap(AgencyID.init)
        let formType = post["form"].flatMap(FormType.init(rawValue:))
        let due = post["due"].flatMap(CalendarDate.init(iso:))
        let email = post["contact"]
        if agencyID == nil { errors.append(.init(field: "agency", message: "Choose the agency to ask")) }
        if formType == nil { errors.append(.init(field: "form", message: "Choose the form to request")) }
        if let due, due < LondonTime.day(of: services.now) {
            errors.append(.init(field: "due", message: "The due date must be today or later"))
        } else if due == nil {
            errors.append(.init(field: "due", message: "Enter the due date as a real date, for example 2026-12-07"))
        }
        if let email, (try? EmailAddress.validated(email, field: "contact")) == nil {
            errors.append(
                .init(
                    field: "contact",
                    message: "Enter the contact's email address in the right format, like name@example.org"))
        }
        var agency: AgencyState?
        if let agencyID {
            agency = try? services.engine.workflow.agencyState(agencyID)
            if agency?.agencyID == nil {
                errors.append(.init(field: "agency", message: "That agency is not in the directory"))
            }
        }
        guard errors.isEmpty, let agency, let formType, let due else {
            return try await show(request, context, services, errors: errors, post: post, status: .unprocessableContent)
        }
        do {
            try services.engine.workflow.requestForm(
                on: caseID, from: agency, formType: formType, contactEmail: email, dueDate: due,
                by: context.requireStaff().actor)
        } catch {
            return try await show(
                request, context, services, errors: [.init(field: "agency", message: try refusal(error))], post: post,
                status: .unprocessableContent)
        }
        return redirect(to: "/cases/\(caseID)?done=requested")
    }

    /// POST /cases/:case/commands
    static func runCaseCommand(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, state) = try caseInScope(context, services)
        let name = post["command"] ?? ""
        if let confirmation = CaseConfirmation.asked(name, post, caseID, state, context, services) {
            return confirmation
        }
        do {
            let body = try CaseCommandBody(post: post)
            try await body.execute(on: caseID, context, services)
        } catch let error as DecodingError {
            let field = DecodingDescription.pointer(error).split(separator: "/").last.map(String.init) ?? "command"
            let message: String =
                switch error {
                case .keyNotFound: "Enter \(CaseActionsView.label(of: field))"
                default: "Check \(CaseActionsView.label(of: field)): it is not in a form that can be used"
                }
            return try await show(
                request, context, services, errors: [.init(field: "\(name)-\(field)", message: message)], post: post,
                status: .unprocessableContent)
        } catch let problem as Problem where problem.status == 403 {
            throw HTTPError(.forbidden, message: problem.detail)
        } catch {
            return try await show(
                request, context, services, errors: [.init(field: "\(name)-submit", message: try refusal(error))],
                post: post,
                status: .unprocessableContent)
        }
        return redirect(to: "/cases/\(caseID)?done=\(name)")
    }

    /// POST /cases/:case/duplicate
    static func decideDuplicate(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, state) = try caseInScope(context, services)
        guard let primary = state.possibleDuplicateOf else { return redirect(to: "/cases/\(caseID)") }
        guard post["decision"] == "confirm" || post["decision"] == "reject" else {
            return try await show(
                request, context, services,
                errors: [
                    .init(field: "decision", message: "Choose whether it is the same death before saving the decision")
                ],
                status: .unprocessableContent)
        }
        if post["decision"] == "confirm" {
            do {
                try services.engine.workflow.confirmDuplicate(caseID, of: primary, by: context.requireStaff().actor)
            } catch {
                return try await show(
                    request, context, services, errors: [.init(field: "decision", message: try refusal(error))],
                    status: .unprocessableContent)
            }
            return redirect(to: "/cases/\(primary)?done=merged")
        }
        try await runCommand(
            .rejectPossibleDuplicate(reason: post["reason"] ?? "A different death"), caseID, context, services)
        return redirect(to: "/cases/\(caseID)?done=notDuplicate")
    }

    /// The case the path names, when it exists and the signed-in person's areas include it; a case outside
    /// their areas is recorded on their access log as refused (reason `area`) and answered as not found.
    static func caseInScope(_ context: WebContext, _ services: WebServices) throws -> (CaseID, CaseState) {
        guard let caseID = try context.pathCaseID ?? resolvedReference(context, services) else {
            throw HTTPError(.notFound, message: "There is no case with that reference.")
        }
        return try caseInScope(caseID, context, services)
    }

    /// The case a path's reference names (CDOP-1A2B3C4D, an unambiguous prefix of its id, or its reference in
    /// earlier records), when it names exactly one.
    static func resolvedReference(_ context: WebContext, _ services: WebServices) throws -> CaseID? {
        guard let text = context.parameters.get("case"), !text.isEmpty else { return nil }
        let found = try services.engine.store.snapshot { db in try CaseQueries.resolve(text, in: db) }
        if case .success(let caseID) = found { return caseID }
        return nil
    }

    /// `caseID`'s state, when the case exists and lies in the user's areas; else 404, a case outside their areas
    /// recorded on their access log as refused (reason `area`).
    static func caseInScope(_ caseID: CaseID, _ context: WebContext, _ services: WebServices) throws -> (
        CaseID, CaseState
    ) {
        let notFound = HTTPError(.notFound, message: "There is no case with that reference.")
        guard let state = try? services.engine.workflow.caseState(caseID), state.exists else { throw notFound }
        guard let staff = context.staff, staff.hasCaseInScope(areaCode: state.areaCode) else {
            if let staff = context.staff {
                try? services.accessLog.recordAccessRefused(
                    context.route?.description ?? "case", reason: .area, caseID: caseID, by: staff.user)
            }
            throw notFound
        }
        return (caseID, state)
    }

    static func runCommand(_ command: CaseCommand, _ caseID: CaseID, _ context: WebContext, _ services: WebServices)
        async throws
    {
        do {
            try await services.engine.workflow.execute(command, on: caseID, by: context.requireStaff().actor)
        } catch {
            throw HTTPError(.unprocessableContent, message: try refusal(error))
        }
    }

    static func show(
        _ request: Request, _ context: WebContext, _ services: WebServices, errors: [PageChrome.ErrorLink] = [],
        post: FormPost = FormPost(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (caseID, state) = try caseInScope(context, services)
        // `?before=V`: the page of entries before stream version V (the timeline's "Show earlier entries").
        let before = ListQuery(request)["before"].flatMap { Int64($0) }.flatMap { $0 > 1 ? $0 : nil }
        let timeline = try CaseTimeline.entries(
            of: caseID, in: services.engine.store, latest: CaseTimeline.latestOnPage, before: before)
        let agencies = try await services.engine.store.queuedSnapshot { db in try AgencyDirectory.active(in: db) }
        if let user = context.staff?.user {
            // No record, no view: the page is not shown when its viewing cannot be recorded.
            try await services.accessLog.recordCaseViewed(caseID, view: .casePage, by: user)
        }
        var view = CasePageView(
            caseID: caseID, state: state, timeline: timeline, agencies: agencies, panel: services.engine.panel,
            formCatalog: services.definitions.forms, today: LondonTime.day(of: services.now), post: post,
            canAct: context.staff?.actsForPanel == true,
            error: post["command"] == nil ? nil : errors.first?.message)
        view.decisionError = errors.first { $0.field == "decision" }?.message
        let notice = request.uri.queryParameters.get("done").flatMap(CasePageView.notice(for:))
        return services.renderer.page(
            "case", view,
            chrome: services.chrome("Case \(view.reference)", context, path: "/cases", notice: notice, errors: errors),
            status: status)
    }
}
