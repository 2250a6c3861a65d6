import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The rights of the people a case names, for administrators and coordinators: the erasures awaiting approval
/// (the end of a retention period, or a person's request), a case's people and who of them is erased, asking
/// for an erasure, approving it (a second, different person's approval carries it out) or declining it, and a
/// subject access export of what the case holds about one person. The pages name people by their role in the
/// case ("parent or carer 1"), never by their name.
enum PrivacyPages {
    static let keepers = Access.staff([.admin, .coordinator])

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/privacy", keepers, .page, list)
        routes.get("/cases/:case/privacy", keepers, .page, showCase)
        routes.post("/cases/:case/privacy/erasure", keepers, .page, decideErasure)
        routes.post("/cases/:case/privacy/export", keepers, .page, export)
    }

    struct ListView: Encodable {
        struct Row: Encodable {
            var reference: String
            var href: String
            var requested: String
            var requestedBy: String
            var approvals: Int
        }

        var rows: [Row]
        var hasRows: Bool
        var caseText: String
        var caseError: String?
    }

    /// GET /privacy: the erasures awaiting approval; `?case=REF` goes to that case's privacy page.
    static func list(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        let query = ListQuery(request)
        var errors: [PageChrome.ErrorLink] = []
        if let text = query["case"], !text.isEmpty {
            let found = try await services.engine.store.queuedSnapshot { db in try CaseQueries.resolve(text, in: db) }
            if case .success(let caseID) = found { return redirect(to: "/cases/\(caseID)/privacy") }
            errors.append(.init(field: "case", message: "There is no case with that reference"))
        }
        let areas = context.staff?.user.areas ?? []
        let pending = try await services.engine.store.queuedSnapshot { db in
            try DashboardQueries.erasuresAwaitingApproval(areas: areas, in: db)
        }
        let view = ListView(
            rows: pending.map(row), hasRows: !pending.isEmpty, caseText: query["case"] ?? "",
            caseError: errors.first?.message)
        return services.renderer.page(
            "privacy", view, chrome: services.chrome("Privacy", context, path: "/privacy", errors: errors),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func row(_ pending: PendingErasure) -> ListView.Row {
        ListView.Row(
            reference: pending.caseReference, href: "/cases/\(pending.caseID)/privacy",
            requested: DayFormatter.long(LondonTime.day(of: pending.requestedAt)), requestedBy: pending.requestedBy,
            approvals: pending.approvals)
    }

    struct CaseView: Encodable {
        struct Person: Encodable {
            var role: String
            var person: String
            var erased: Bool
        }

        var reference: String
        var caseHref: String
        var action: String
        var exportAction: String
        var closed: String
        var people: [Person]
        var pending: Bool
        var requestedBy: String
        var requested: String
        var reason: String
        var whom: String
        var approvedBy: String
        var approvals: Int
        var youApproved: Bool
        var canAsk: Bool
        var canApprove: Bool
        var reasonValue: String
        var declineValue: String
        var exportReasonValue: String
        var done: String
        /// Each field's error, shown beside it.
        var errorFor: [String: String]
    }

    /// GET /cases/:case/privacy
    static func showCase(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        try page(context, services, done: ListQuery(request)["done"])
    }

    static func page(
        _ context: WebContext, _ services: WebServices, errors: [PageChrome.ErrorLink] = [],
        post: FormPost = FormPost(), done: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let (caseID, state) = try CasePages.caseInScope(context, services)
        let roles = (try? ErasureApprovals(engine: services.engine).rolesNamed(in: caseID)) ?? ["child"]
        let me = context.staff?.actor.name ?? ""
        let pending = state.erasureApproval
        let approvers = pending?.approvedBy ?? []
        let view = CaseView(
            reference: caseID.reference, caseHref: "/cases/\(caseID)", action: "/cases/\(caseID)/privacy/erasure",
            exportAction: "/cases/\(caseID)/privacy/export",
            closed: state.closedAt.map { DayFormatter.long(LondonTime.day(of: $0)) } ?? "",
            people: roles.map {
                CaseView.Person(role: $0, person: SubjectErased.describe($0), erased: state.erasedSubjects.contains($0))
            },
            pending: pending != nil, requestedBy: pending?.requestedBy ?? "",
            requested: pending.map { DayFormatter.long(LondonTime.day(of: $0.requestedAt)) } ?? "",
            reason: pending?.reason ?? "", whom: ErasureRequested.describe(pending?.roles ?? []),
            approvedBy: approvers.joined(separator: ", "), approvals: approvers.count,
            youApproved: approvers.contains(me), canAsk: pending == nil,
            canApprove: pending.map { !$0.isApproved && !$0.approvedBy.contains(me) } ?? false,
            reasonValue: post["reason"] ?? "", declineValue: post["decline-reason"] ?? "",
            exportReasonValue: post["export-reason"] ?? "", done: doneNotice(done),
            errorFor: Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first }))
        return services.renderer.page(
            "case-privacy", view,
            chrome: services.chrome(
                "Privacy: \(caseID.reference)", context, path: "/cases/\(caseID)/privacy",
                notice: view.done.isEmpty ? nil : view.done, errors: errors),
            status: status)
    }

    static func doneNotice(_ done: String?) -> String {
        switch done {
        case "requested": "Erasure asked for. A second, different person must approve it before anything is erased."
        case "approved": "Your approval is recorded. A second, different person must approve it too."
        case "erased": "Erasure approved by two people and carried out: the people it named now read \"erased\"."
        case "declined": "Erasure declined: nothing was erased."
        default: ""
        }
    }

    /// POST /cases/:case/privacy/erasure: `decision` is request (with `roles` and `reason`), approve or decline
    /// (with `decline-reason`).
    static func decideErasure(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, _) = try CasePages.caseInScope(context, services)
        let actor = try context.requireStaff().actor
        let approvals = ErasureApprovals(engine: services.engine)
        let decision = post["decision"] ?? ""
        let done: String
        do {
            switch decision {
            case "request":
                // Nothing ticked is not "everyone": whom to erase is always chosen.
                guard !post.all("roles").isEmpty else {
                    return try page(
                        context, services,
                        errors: [
                            .init(
                                field: "roles-everyone",
                                message: "Choose whom to erase: everyone the case names, or the people to erase")
                        ],
                        post: post, status: .unprocessableContent)
                }
                let roles = post.all("roles").filter { $0 != "everyone" }
                try approvals.request(
                    caseID: caseID, roles: post.all("roles").contains("everyone") ? [] : roles,
                    reason: post["reason"] ?? "", by: actor)
                done = "requested"
            case "approve":
                let outcome = try approvals.approve(caseID: caseID, by: actor, now: services.now)
                done = outcome.erased.isEmpty ? "approved" : "erased"
            case "decline":
                try approvals.decline(caseID: caseID, reason: post["decline-reason"] ?? "", by: actor)
                done = "declined"
            default:
                return try page(
                    context, services,
                    errors: [.init(field: "decision", message: "Choose to ask for, approve or decline an erasure")],
                    post: post, status: .unprocessableContent)
            }
        } catch {
            let field =
                switch decision {
                case "request": Self.field(of: error, role: "roles-everyone", otherwise: "reason")
                case "decline": "decline-reason"
                default: "approve"
                }
            return try page(
                context, services, errors: [.init(field: field, message: try refusal(error))], post: post,
                status: .unprocessableContent)
        }
        return redirect(to: "/cases/\(caseID)/privacy?done=\(done)")
    }

    /// The field a refusal is shown beside: `role` for a person who is not one (`erasure.invalidRole`), else
    /// `otherwise` (the reason).
    static func field(of error: any Error, role: String, otherwise: String) -> String {
        (error as? CommandError)?.code == "erasure.invalidRole" ? role : otherwise
    }

    /// POST /cases/:case/privacy/export: what the case holds about the person with `role`, as a page to keep
    /// (`format=html`) or JSON, recorded on the case with the request it answers before anything is read.
    static func export(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, _) = try CasePages.caseInScope(context, services)
        let role = post["role"] ?? ""
        let json = post["format"] == "json"
        let document: SubjectAccessExport.Document
        do {
            document = try SubjectAccessExport(engine: services.engine).export(
                caseID: caseID, role: role, reason: post["export-reason"] ?? "",
                by: try context.requireStaff().actor, now: services.now)
        } catch {
            return try page(
                context, services,
                errors: [
                    .init(
                        field: Self.field(of: error, role: "role", otherwise: "export-reason"),
                        message: try refusal(error))
                ], post: post, status: .unprocessableContent)
        }
        let text = json ? SubjectAccessPage.json([document]) : SubjectAccessPage.html([document])
        let name = "subject-access-\(caseID.reference)-\(role).\(json ? "json" : "html")"
        var headers = HTTPFields()
        headers[.contentType] = json ? "application/json; charset=utf-8" : "text/html; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        headers[.cacheControl] = "no-store"
        var buffer = ByteBufferAllocator().buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }
}
