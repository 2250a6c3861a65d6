import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The JSON API under /api/v1: the same commands and queries as the pages, for other systems and scripts,
/// with the same roles, limits and access log, and RFC 9457 problems naming the field that is wrong.
enum APIRoutes {
    static let caseReaders = Access.staff([.coordinator, .designatedDoctor])

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/api/v1/openapi.json", .everyone, .api, openAPIDocument(routes))
        routes.get("/api/v1/me", .anyStaff, .api, showMe)
        routes.post("/api/v1/notifications", .everyone, .api, notify)
        routes.get("/api/v1/cases", caseReaders, .api, CaseSearchAPI.listCases(services))
        routes.get("/api/v1/cases/:case", caseReaders, .api, showCase)
        routes.post("/api/v1/cases/:case/commands", caseReaders, .api, runCaseCommand)
        routes.get("/api/v1/dashboard", .staff([.coordinator]), .api, showDashboard)
        routes.get("/api/v1/agencies", .staff([.coordinator]), .api, listAgencies)
        routes.get("/api/v1/forms", .everyone, .api, listForms)
        routes.get("/api/v1/forms/:form", .everyone, .api, showForm)
        routes.get("/api/v1/links/:token", .practitionerLink, .api, openLink)
        routes.post("/api/v1/links/:token", .practitionerLink, .api, submitLink)
    }

    /// GET /api/v1/openapi.json: the document describes every route `routes` holds when it is asked for.
    static func openAPIDocument(_ routes: RouteTable) -> RouteTable.ServiceHandler {
        { _, _, services in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: .init(bytes: OpenAPIDocument.json(routes.specs, panel: services.panelName))))
        }
    }

    /// GET /api/v1/me
    static func showMe(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        let staff = try context.requireStaff()
        let user = staff.user
        return API.json(
            Me(
                username: user.username, displayName: user.displayName, roles: user.roles.map(\.rawValue).sorted(),
                areas: user.areas.sorted(), csrfToken: staff.csrfToken))
    }

    /// POST /api/v1/notifications
    static func notify(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        await API.handle {
            var request = request
            guard await services.limits.notifications.allow(context.peerAddress, now: services.now) else {
                throw Problem(
                    status: .tooManyRequests, code: "rate.limited", title: "Too many notifications",
                    detail: "Wait a minute and send again.")
            }
            let notified: CaseWorkflow.Notified
            do {
                let notification = try await API.body(DeathNotification.self, &request)
                notified = try services.engine.workflow.notify(
                    notification, by: PublicPages.notifierActor, alertCoordinator: true)
            } catch {
                // Only an accepted notification uses up the limit: a trust's staff share one address.
                await services.limits.notifications.refund(context.peerAddress)
                throw error
            }
            return API.json(
                Notified(
                    caseId: notified.caseID.description, reference: notified.caseID.reference,
                    possibleDuplicateOf: notified.possibleDuplicateOf.map(\.reference)),
                status: .created)
        }
    }

    /// GET /api/v1/cases/:case
    static func showCase(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        await API.handle {
            let (caseID, state) = try CasePages.caseInScope(context, services)
            try await services.accessLog.recordCaseViewed(caseID, view: .casePage, by: context.requireStaff().user)
            let timeline = try CaseTimeline.entries(of: caseID, in: services.engine.store)
            return API.json(
                CaseView(
                    caseID: caseID, state: state, timeline: timeline, panel: services.engine.panel,
                    forms: services.definitions.forms))
        }
    }

    /// POST /api/v1/cases/:case/commands
    static func runCaseCommand(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            var request = request
            let (caseID, _) = try CasePages.caseInScope(context, services)
            let body = try await API.body(CaseCommandBody.self, &request)
            try await body.execute(on: caseID, context, services)
            let state = try services.engine.workflow.caseState(caseID)
            return API.json(CommandResult(caseId: caseID.description, stage: state.stage?.name ?? "", version: nil))
        }
    }

    /// GET /api/v1/dashboard
    static func showDashboard(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            let areas = try context.requireStaff().user.areas
            let now = services.now
            let dashboard = try await services.engine.store.queuedSnapshot { db in
                DashboardData(
                    newNotifications: try DashboardQueries.newNotifications(areas: areas, in: db).map(\.reference),
                    possibleDuplicates: try DashboardQueries.possibleDuplicates(areas: areas, in: db).map(\.reference),
                    outstandingRequests: try DashboardQueries.outstandingRequests(areas: areas, in: db).map {
                        DashboardData.Request(
                            requestId: $0.requestID, caseReference: $0.caseReference, agency: $0.agencyName,
                            formType: $0.formType,
                            dueDate: $0.dueDate.iso, daysLeft: LondonTime.day(of: now).days(until: $0.dueDate),
                            status: $0.status,
                            nextStep: $0.nextStep, nextStepAt: $0.nextStepAt)
                    },
                    failedEmails: try OutboxQueries.list(state: "failed", in: db).count,
                    openCasesByStage: Dictionary(
                        try DashboardQueries.openCasesByStageAndAge(areas: areas, now: now, in: db).map {
                            ($0.stage, $0.byAge)
                        },
                        uniquingKeysWith: { first, _ in first }),
                    ageBands: DashboardQueries.ageBands,
                    notReadyForNationalReturn: DashboardData.NotReady(
                        try NationalReturnQueries.notReady(areas: areas, in: db)))
            }
            return API.json(dashboard)
        }
    }

    /// GET /api/v1/agencies
    static func listAgencies(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            let agencies = try await services.engine.store.queuedSnapshot { db in try AgencyDirectory.all(in: db) }
            return API.json(agencies)
        }
    }

    /// GET /api/v1/forms
    static func listForms(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        API.json(services.definitions.forms.all.map { FormDefinitionJSON.Summary($0) })
    }

    /// GET /api/v1/forms/:form
    static func showForm(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        await API.handle {
            guard let id = context.parameters.get("form"), let form = services.definitions.forms.current(id: id) else {
                throw Problem.notFound("form")
            }
            return API.json(FormDefinitionJSON(form))
        }
    }

    /// GET /api/v1/links/:token
    static func openLink(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        let access = services.practitionerAccess
        return await API.handle {
            try await requireLinkAllowance(services, context)
            let (_, _, use) = try PractitionerPages.opened(access, context.parameters.get("token") ?? "", services)
            guard case .usable(let formRequest) = use else { throw linkProblem(use) }
            try await access.recordOpened(token: context.parameters.get("token") ?? "", view: "api", now: services.now)
            let form = services.definitions.forms.definition(for: formRequest.formType)
            return API.json(
                LinkedRequest(
                    agency: formRequest.agencyName, dueDate: formRequest.dueDate.iso, form: FormDefinitionJSON(form),
                    draft: formRequest.draft?.answers))
        }
    }

    /// POST /api/v1/links/:token
    static func submitLink(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let access = services.practitionerAccess
        return await API.handle {
            var request = request
            try await requireLinkAllowance(services, context)
            let token = context.parameters.get("token") ?? ""
            let (_, _, use) = try PractitionerPages.opened(access, token, services)
            guard case .usable(let formRequest) = use else { throw linkProblem(use) }
            let body = try await API.body(LinkSubmission.self, &request)
            let form = services.definitions.forms.definition(for: formRequest.formType)
            let draft = body.action == "draft"
            switch form.validate(
                answers: body.answers, today: LondonTime.day(of: services.now), mode: draft ? .draft : .submit)
            {
            case .invalid(let errors, _): throw FieldErrors(errors)
            case .valid(let answers):
                if draft {
                    try await access.saveDraft(
                        token: token, definition: form.reference, answers: answers, now: services.now)
                } else {
                    try access.submit(token: token, definition: form.reference, answers: answers, now: services.now)
                }
                return API.json(["result": draft ? "draftSaved" : "returned"], status: draft ? .ok : .created)
            }
        }
    }

    /// The practitioner-link rate limit (per address), as a problem for the API.
    static func requireLinkAllowance(_ services: WebServices, _ context: WebContext) async throws {
        guard await services.limits.links.allow(context.peerAddress, now: services.now) else {
            throw Problem(
                status: .tooManyRequests, code: "rate.limited", title: "Too many requests",
                detail: "Wait a minute and try again.")
        }
    }

    static func linkProblem(_ use: LinkUse) -> Problem {
        guard case .refused(let refusal) = use else { return .notFound("link") }
        return Problem(
            status: refusal == .unknown ? .notFound : .gone, code: refusal.code, title: refusal.heading,
            detail: refusal.message)
    }

    struct Me: Encodable {
        var username: String
        var displayName: String
        var roles: [String]
        var areas: [String]
        var csrfToken: String
    }

    struct Notified: Encodable {
        var caseId: String
        var reference: String
        var possibleDuplicateOf: String?
    }

    struct CommandResult: Encodable {
        var caseId: String
        var stage: String
        var version: Int?
    }

    struct DashboardData: Encodable {
        struct Request: Encodable {
            var requestId: String
            var caseReference: String
            var agency: String
            var formType: String
            var dueDate: String
            var daysLeft: Int
            var status: String
            var nextStep: String?
            var nextStepAt: Date?
        }

        var newNotifications: [String]
        var possibleDuplicates: [String]
        var outstandingRequests: [Request]
        var failedEmails: Int
        var openCasesByStage: [String: [Int]]
        var ageBands: [String]
        var notReadyForNationalReturn: NotReady

        /// The cases not ready for the national return (references), and how many each kind of reason holds back.
        struct NotReady: Encodable {
            var cases: [String]
            var counts: [String: Int]

            init(_ rows: [CaseNotReady]) {
                cases = rows.map(\.reference)
                counts = Dictionary(
                    uniqueKeysWithValues: NationalReturnQueries.counts(rows).map { ($0.kind.rawValue, $0.cases) })
            }
        }
    }

    struct LinkedRequest: Encodable {
        var agency: String
        var dueDate: String
        var form: FormDefinitionJSON
        var draft: FormAnswers?
    }

    struct LinkSubmission: Decodable {
        var action: String
        var answers: FormAnswers
    }
}
