import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import Foundation
import HTTPTypes
import Hummingbird

/// One form request's page (`/cases/{case}/requests/{request}`): the returned form read-only, every email sent
/// for it, and the coordinator's buttons: send a reminder now, change the contact, waive, record a decline,
/// withdraw (after a confirmation). Every view is recorded on the viewer's access log.
enum RequestPages {
    static let base = "/cases/:case/requests/:request"

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get(base, CasePages.viewers) { request, context in try await showRequest(request, context, services) }
        routes.post(base + "/remind", .staff([.coordinator])) { request, context in
            try await work(.remind, request, context, services)
        }
        routes.post(base + "/contact", .staff([.coordinator])) { request, context in
            try await work(.changeContact, request, context, services)
        }
        routes.post(base + "/waive", .staff([.coordinator])) { request, context in
            try await work(.waive, request, context, services)
        }
        routes.post(base + "/decline", .staff([.coordinator])) { request, context in
            try await work(.decline, request, context, services)
        }
        routes.post(base + "/withdraw", .staff([.coordinator])) { request, context in
            try await work(.withdraw, request, context, services)
        }
    }

    /// The case and the request the path names, within the caller's areas; else not found.
    static func requestInScope(_ context: WebContext, _ services: WebServices) throws -> (
        CaseID, CaseState, FormRequest
    ) {
        let (caseID, state) = try CasePages.caseInScope(context, services)
        guard let formRequest = RequestWork.request(context.parameters.get("request"), in: state) else {
            throw HTTPError(.notFound, message: "There is no such form request on this case.")
        }
        return (caseID, state, formRequest)
    }

    /// `GET /cases/{case}/requests/{request}`.
    static func showRequest(
        _ request: Request, _ context: WebContext, _ services: WebServices, typed: [String: String] = [:],
        errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (caseID, state, formRequest) = try requestInScope(context, services)
        if let user = context.staff?.user {
            // No record, no view: the returned answers are shown only once their viewing is on the log.
            try await services.accessLog.recordCaseViewed(
                caseID, view: formRequest.answered == nil ? .casePage : .formReturn, by: user)
        }
        let view = RequestPageView(
            caseID: caseID, request: formRequest, state: state,
            emails: try RequestEmail.list(caseID, formRequest, state: state, services: services),
            forms: services.definitions.forms, canAct: context.staff?.actsForPanel == true, typed: typed,
            errorFor: errors)
        let notice = request.uri.queryParameters.get("done").flatMap(RequestWork.init(rawValue:))?.notice
        return services.renderer.page(
            "request", view,
            chrome: services.chrome(
                "\(view.form) from \(view.agency), \(view.reference)", context, path: "/cases", notice: notice,
                errors: errors.map {
                    .init(field: "\($0.key)-\(RequestWork(rawValue: $0.key)?.field ?? "submit")", message: $0.value)
                }),
            status: status)
    }

    /// `POST /cases/{case}/requests/{request}/{action}`: runs the action, or comes back beside its field with
    /// what is wrong; a withdrawal first asks for a confirmation.
    static func work(
        _ action: RequestWork, _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, _, formRequest) = try requestInScope(context, services)
        let input = action.field.flatMap { post[$0] }
        let typed = input.map { [action.rawValue: $0] } ?? [:]
        if action.field != nil, input == nil {
            return try await showRequest(
                request, context, services, typed: typed, errors: [action.rawValue: action.missingInput],
                status: .unprocessableContent)
        }
        if action == .withdraw, post["confirmed"] != "yes" {
            return confirmWithdrawal(caseID, formRequest, reason: input ?? "", context, services)
        }
        let actor = try context.requireStaff().actor
        let command = action.command(
            formRequest.id, reason: input, contactEmail: input, by: "\(actor.name) (\(actor.role))")
        do {
            try await services.engine.workflow.execute(command, on: caseID, by: actor)
        } catch {
            return try await showRequest(
                request, context, services, typed: typed, errors: [action.rawValue: try refusal(error)],
                status: .unprocessableContent)
        }
        return redirect(to: "/cases/\(caseID)/requests/\(formRequest.id)?done=\(action.rawValue)")
    }

    /// The page asking the coordinator to confirm a withdrawal, with the reason they gave.
    static func confirmWithdrawal(
        _ caseID: CaseID, _ formRequest: FormRequest, reason: String, _ context: WebContext, _ services: WebServices
    ) -> Response {
        let view = ConfirmPageView(
            heading: "Withdraw the request to \(formRequest.agencyName)?",
            message:
                "The \(formRequest.formType.label) will no longer be chased, its link will stop opening the form, and "
                + "\(formRequest.agencyName) will be told by email. Reason: \(reason)",
            action: "/cases/\(caseID)/requests/\(formRequest.id)/withdraw",
            hidden: [.init(name: "reason", value: reason), .init(name: "confirmed", value: "yes")],
            confirmLabel: "Yes, withdraw the request", cancelHref: "/cases/\(caseID)/requests/\(formRequest.id)")
        return services.renderer.page("confirm", view, chrome: services.chrome(view.heading, context, path: "/cases"))
    }
}
