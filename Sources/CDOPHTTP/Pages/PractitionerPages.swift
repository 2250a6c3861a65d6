import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The page a practitioner opens from the request email: the agency's form for one child, saved as a draft
/// and come back to, then submitted. An expired, superseded, withdrawn or already-used link gets a clear page
/// saying whom to contact. Requests per address are limited, so tokens cannot be tried at speed.
enum PractitionerPages {
    static func install(_ routes: RouteTable, _ services: WebServices) {
        let access = PractitionerAccess(workflow: services.engine.workflow)

        routes.get("/forms/:token", .practitionerLink) { request, context in
            let token = context.parameters.get("token") ?? ""
            if let limited = await limit(services, context) { return limited }
            let (caseID, state, use) = try opened(access, token, services)
            guard case .usable(let formRequest) = use else { return refused(use, services, context) }
            // No record, no view: the child's details are shown only once the opening is on the case's record.
            try await access.recordOpened(token: token, view: "page", now: services.now)
            let definition = services.definitions.forms.definition(for: formRequest.formType)
            let values = formRequest.draft.map { definition.post(from: $0.answers) } ?? [:]
            let notice = request.uri.queryParameters.get("saved") != nil ? "Your draft has been saved. You can close this page and come back with the same link." : nil
            let (csrf, isNew) = CSRF.anonymousToken(request)
            var response = page(
                services, context, csrf: csrf, caseID: caseID, state: state, request: formRequest, definition: definition, values: values,
                notice: notice)
            if isNew { response.setCookie(CSRF.cookie(csrf, secure: services.secureCookies)) }
            return response
        }

        routes.post("/forms/:token", .practitionerLink) { request, context in
            var request = request
            let token = context.parameters.get("token") ?? ""
            if let limited = await limit(services, context) { return limited }
            let post = try await request.formPost(context: context)
            let csrf = request.cookies[CSRF.cookieName]?.value ?? ""
            let (caseID, state, use) = try opened(access, token, services)
            guard case .usable(let formRequest) = use else { return refused(use, services, context) }
            let definition = services.definitions.forms.definition(for: formRequest.formType)
            let values = post.answersOnly
            let action = post["action"] ?? "submit"
            if let group = PublicPages.addRowTarget(action) {
                try await access.recordOpened(token: token, view: "page", now: services.now)
                return page(services, context, csrf: csrf, caseID: caseID, state: state, request: formRequest, definition: definition, values: values, extraRows: [group])
            }
            let mode: ValidationMode = action == "save-draft" ? .draft : .submit
            switch definition.validate(post: values, today: LondonTime.day(of: services.now), mode: mode) {
            case .invalid(let errors, let echoed):
                try await access.recordOpened(token: token, view: "page", now: services.now)
                return page(
                    services, context, csrf: csrf, caseID: caseID, state: state, request: formRequest, definition: definition, values: echoed,
                    errors: errors, status: .unprocessableContent)
            case .valid(let answers):
                do {
                    if mode == .draft {
                        try await access.saveDraft(token: token, definition: definition.reference, answers: answers, now: services.now)
                        return redirect(to: "/forms/\(token)?saved=1")
                    }
                    try access.submit(token: token, definition: definition.reference, answers: answers, now: services.now)
                } catch {
                    return page(
                        services, context, csrf: csrf, caseID: caseID, state: state, request: formRequest, definition: definition, values: values,
                        errors: [FieldError(path: definition.fields.first?.id ?? "form", label: "", message: try refusal(error))],
                        status: .unprocessableContent)
                }
                return services.renderer.page(
                    "form-returned", ["agency": formRequest.agencyName, "panel": services.panelName] as [String: Any],
                    chrome: services.chrome("Form sent", context, path: "/forms"))
            }
        }
    }

    static func limit(_ services: WebServices, _ context: WebContext) async -> Response? {
        guard await !services.limits.links.allow(context.peerAddress, now: services.now) else { return nil }
        var response = services.renderer.page(
            "error",
            ErrorPage(heading: "Too many requests", message: "Too many pages were asked for from your connection. Wait a minute and try again."),
            chrome: services.chrome("Too many requests", context, path: "/forms"), status: .tooManyRequests)
        response.headers[.retryAfter] = String(await services.limits.links.retryAfter(context.peerAddress))
        return response
    }

    static func opened(_ access: PractitionerAccess, _ token: String, _ services: WebServices) throws -> (CaseID?, CaseState?, LinkUse) {
        guard token.count == 43, token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return (nil, nil, .refused(.unknown))
        }
        do {
            let opened = try access.open(token: token, now: services.now)
            return (opened.caseID, opened.state, opened.use)
        } catch {
            return (nil, nil, .refused(.unknown))
        }
    }

    static func refused(_ use: LinkUse, _ services: WebServices, _ context: WebContext) -> Response {
        guard case .refused(let refusal) = use else { return Response(status: .internalServerError) }
        let configuration = services.engine.configuration
        return services.renderer.page(
            "error",
            ErrorPage(
                heading: refusal.heading, message: refusal.message,
                contact: "Contact \(configuration.coordinatorName) at \(configuration.coordinatorEmail) and quote the request email's subject."),
            chrome: services.chrome(refusal.heading, context, path: "/forms"), status: refusal == .unknown ? .notFound : .gone)
    }

    struct FormPage {
        var form: FormView
        var agency: String
        var due: String
        var child: [CasePageView.Detail]
        var panel: String
        var coordinator: String
    }

    static func page(
        _ services: WebServices, _ context: WebContext, csrf: String, caseID: CaseID?, state: CaseState?, request: FormRequest,
        definition: FormDefinition, values: [String: [String]], errors: [FieldError] = [], extraRows: Set<String> = [],
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let child = state?.notification?.child
        let configuration = services.engine.configuration
        let view = FormPage(
            form: FormView(definition, values: values, errors: FormErrors.byPath(errors), extraRows: extraRows),
            agency: request.agencyName, due: DayFormatter.long(request.dueDate),
            child: [
                .init(label: "Child", value: child?.name.fullName ?? ""),
                .init(label: "Date of birth", value: child.map { DayFormatter.long($0.dateOfBirth) } ?? ""),
                .init(label: "Date of death", value: state?.notification.map { DayFormatter.long($0.death.date) } ?? ""),
                .init(label: "Case reference", value: caseID.map(CaseTables.reference(of:)) ?? ""),
            ],
            panel: services.panelName, coordinator: "\(configuration.coordinatorName) (\(configuration.coordinatorEmail))")
        return services.renderer.page(
            "practitioner-form", view,
            chrome: services.chrome(definition.title, context, path: "/forms", csrf: csrf, notice: notice, errors: FormErrors.summary(errors)),
            status: status)
    }
}

extension LinkRefusal {
    /// The page heading for a practitioner whose link cannot be used.
    var heading: String {
        switch self {
        case .unknown: "This link does not work"
        case .expired: "This link has expired"
        case .superseded: "A newer link has been sent"
        case .returned: "This form has already been sent"
        case .withdrawn: "This request has been withdrawn"
        case .caseClosed: "This request is closed"
        }
    }
}
