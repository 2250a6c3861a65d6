import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation
import HTTPTypes
import Hummingbird

/// The JSON API of one form request: read it (with the returned answers and every email sent for it), and work
/// on it as the request page does.
enum RequestAPIRoutes {
    static let path = "/api/v1/cases/:case/requests/:request"

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get(path, APIRoutes.caseReaders, .api) { _, context in
            await API.handle { try await readRequest(context, services) }
        }
        routes.post(path + "/commands", .staff([.coordinator]), .api) { request, context in
            await API.handle { try await commandRequest(request, context, services) }
        }
    }

    /// A request as the API gives it.
    struct RequestJSON: Encodable {
        var requestId: String
        var agency: String
        var form: String
        var status: String
        var dueDate: String
        var contactEmail: String
        var declineReason: String?
        var definition: String?
        var answers: FormAnswers?
        var emails: [RequestEmail]
    }

    /// A command on a request: `remind`, `change-contact` (`contactEmail`), `waive`, `decline` or `withdraw`
    /// (`reason`).
    struct RequestCommandBody: Decodable {
        var command: String
        var reason: String?
        var contactEmail: String?
    }

    /// `GET /api/v1/cases/{case}/requests/{request}` (recorded on the caller's access log).
    static func readRequest(_ context: WebContext, _ services: WebServices) async throws -> Response {
        let (caseID, state, formRequest) = try RequestPages.requestInScope(context, services)
        try await services.accessLog.recordCaseViewed(
            caseID, view: formRequest.answered == nil ? .casePage : .formReturn, by: context.requireStaff().user)
        return API.json(
            RequestJSON(
                requestId: formRequest.id.description, agency: formRequest.agencyName, form: formRequest.formType.label,
                status: formRequest.status.label, dueDate: formRequest.dueDate.iso,
                contactEmail: formRequest.contactEmail,
                declineReason: formRequest.declineReason,
                definition: formRequest.answered.map { "\($0.id)@\($0.version)" },
                answers: formRequest.answered == nil ? nil : formRequest.answers,
                emails: try RequestEmail.list(caseID, formRequest, state: state, services: services)))
    }

    /// `POST /api/v1/cases/{case}/requests/{request}/commands`.
    static func commandRequest(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        // The case's area first (another area's case is not found), then the body (one over the limit is
        // refused as such), then the request.
        _ = try CasePages.caseInScope(context, services)
        let body = try await API.body(RequestCommandBody.self, &request)
        let (caseID, _, formRequest) = try RequestPages.requestInScope(context, services)
        guard let action = RequestWork(rawValue: body.command) else {
            throw Problem(
                status: .unprocessableContent, code: "input.invalid", title: "Unknown command",
                detail: "command must be one of " + RequestWork.allCases.map(\.rawValue).joined(separator: ", "),
                errors: [.init(pointer: "/command", detail: "not a request command")])
        }
        let actor = try context.requireStaff().actor
        try await services.engine.workflow.execute(
            action.command(
                formRequest.id, reason: body.reason, contactEmail: body.contactEmail,
                by: "\(actor.name) (\(actor.role))"),
            on: caseID, by: actor)
        let after = try services.engine.workflow.caseState(caseID).request(formRequest.id)
        return API.json(["requestId": formRequest.id.description, "status": after?.status.label ?? ""])
    }
}
