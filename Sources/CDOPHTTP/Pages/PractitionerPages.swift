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
        routes.get("/forms/:token", .practitionerLink, .page, openForm)
        routes.post("/forms/:token", .practitionerLink, .page, answerForm)
    }

    /// GET /forms/:token
    static func openForm(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        let access = services.practitionerAccess
        let token = context.parameters.get("token") ?? ""
        if let limited = await limit(services, context) { return limited }
        let (caseID, state, use) = try opened(access, token, services)
        guard case .usable(let formRequest) = use else { return refused(use, services, context) }
        // No record, no view: the child's details are shown only once the opening is on the case's record.
        try await access.recordOpened(token: token, view: "page", now: services.now)
        let definition = services.definitions.forms.definition(for: formRequest.formType)
        var values = formRequest.draft.map { definition.post(from: $0.answers) } ?? [:]
        // The agency's name is known: the practitioner need not type it.
        if definition.field(agencyNameField) != nil, values[agencyNameField]?.first?.isEmpty ?? true {
            values[agencyNameField] = [formRequest.agencyName]
        }
        let notice =
            request.uri.queryParameters.get("saved") != nil
            ? "Your draft has been saved. You can close this page and come back with the same link." : nil
        let (csrf, isNew) = CSRF.anonymousToken(request)
        let inputs = FormPageCache.Inputs(
            caseID: caseID, state: state, request: formRequest, values: values, notice: notice)
        var response: Response
        if context.staff == nil {
            let kept = services.formPages.page(for: inputs) {
                SlottedPage { slot in
                    services.renderer.bytes(
                        "practitioner-form", try? services.renderer.prepare(view(services, inputs, definition)),
                        chrome: chrome(services, context, csrf: slot, definition: definition, notice: notice))
                }
            }
            response = services.renderer.response(html: kept.filled(with: csrf))
        } else {
            response = page(services, context, csrf: csrf, inputs: inputs, definition: definition)
        }
        if isNew { response.setCookie(CSRF.cookie(csrf, secure: services.secureCookies)) }
        return response
    }

    /// POST /forms/:token
    static func answerForm(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let access = services.practitionerAccess
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
            return page(
                services, context, csrf: csrf,
                inputs: .init(caseID: caseID, state: state, request: formRequest, values: values, notice: nil),
                definition: definition, extraRows: [group])
        }
        /// Runs `act`, then shows `template` (nil: back to the form, draft saved), or the form with the refusal.
        func answered(_ template: String?, _ title: String, _ act: () async throws -> Void) async throws -> Response {
            do {
                try await act()
            } catch {
                return page(
                    services, context, csrf: csrf,
                    inputs: .init(caseID: caseID, state: state, request: formRequest, values: values, notice: nil),
                    definition: definition,
                    errors: [
                        FieldError(path: definition.fields.first?.id ?? "form", label: "", message: try refusal(error))
                    ],
                    status: .unprocessableContent)
            }
            guard let template else { return redirect(to: "/forms/\(token)?saved=1") }
            return services.renderer.page(
                template, ["agency": formRequest.agencyName, "panel": services.panelName],
                chrome: services.chrome(title, context, path: "/forms"))
        }
        if declinesAsNotKnown(action: action, values: values, definition: definition) {
            return try await answered("form-declined", "No information to send") {
                try access.declineNotKnown(token: token, now: services.now)
            }
        }
        let mode: ValidationMode = action == "save-draft" ? .draft : .submit
        switch definition.validate(post: values, today: LondonTime.day(of: services.now), mode: mode) {
        case .invalid(let errors, let echoed):
            try await access.recordOpened(token: token, view: "page", now: services.now)
            return page(
                services, context, csrf: csrf,
                inputs: .init(caseID: caseID, state: state, request: formRequest, values: echoed, notice: nil),
                definition: definition,
                errors: errors, status: .unprocessableContent)
        case .valid(let answers):
            if mode == .draft {
                return try await answered(nil, "") {
                    try await access.saveDraft(
                        token: token, definition: definition.reference, answers: answers, now: services.now)
                }
            }
            return try await answered("form-returned", "Form sent") {
                try access.submit(token: token, definition: definition.reference, answers: answers, now: services.now)
            }
        }
    }

    /// The reporting form's field naming the agency, filled in from the request.
    static let agencyNameField = "agency-name"
    /// The reporting form's question whose answer "No" means the agency has nothing to report.
    static let knewTheChildField = "child-known-to-agency"

    /// Whether the post declines the form because the agency did not know the child: the "We hold no
    /// information about this child" button, or "Did your agency know the child? No" sent with the form (the
    /// other answers are then not asked for).
    static func declinesAsNotKnown(action: String, values: [String: [String]], definition: FormDefinition) -> Bool {
        if action == "not-known" { return true }
        guard action == "submit", definition.field(knewTheChildField) != nil else { return false }
        return values[knewTheChildField]?.first == "no"
    }

    static func limit(_ services: WebServices, _ context: WebContext) async -> Response? {
        guard await !services.limits.links.allow(context.peerAddress, now: services.now) else { return nil }
        var response = services.renderer.page(
            "error",
            ErrorPage(
                heading: "Too many requests",
                message: "Too many pages were asked for from your connection. Wait a minute and try again."),
            chrome: services.chrome("Too many requests", context, path: "/forms"), status: .tooManyRequests)
        response.headers[.retryAfter] = String(await services.limits.links.retryAfter(context.peerAddress))
        return response
    }

    static func opened(_ access: PractitionerAccess, _ token: String, _ services: WebServices) throws -> (
        CaseID?, CaseState?, LinkUse
    ) {
        guard RandomToken.isWellFormed(token) else {
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
                contact:
                    "Contact \(configuration.coordinatorName) at \(configuration.coordinatorEmail) and quote the request email's subject."
            ),
            chrome: services.chrome(refusal.heading, context, path: "/forms"),
            status: refusal == .unknown ? .notFound : .gone)
    }

    struct FormPage: Encodable {
        var form: FormView
        var agency: String
        var due: String
        var child: [CasePageView.Detail]
        var panel: String
        var coordinator: String
    }

    /// The form page for `inputs`, with `errors` against its fields and `extraRows` more rows in those groups.
    static func page(
        _ services: WebServices, _ context: WebContext, csrf: String, inputs: FormPageCache.Inputs,
        definition: FormDefinition, errors: [FieldError] = [], extraRows: Set<String> = [],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        services.renderer.page(
            "practitioner-form", view(services, inputs, definition, errors: errors, extraRows: extraRows),
            chrome: chrome(
                services, context, csrf: csrf, definition: definition, notice: inputs.notice, errors: errors),
            status: status)
    }

    /// What the form page shows: only what `inputs` holds, so that equal inputs make the same page.
    static func view(
        _ services: WebServices, _ inputs: FormPageCache.Inputs, _ definition: FormDefinition,
        errors: [FieldError] = [], extraRows: Set<String> = []
    ) -> FormPage {
        let configuration = services.engine.configuration
        return FormPage(
            form: FormView(definition, values: inputs.values, errors: FormErrors.byPath(errors), extraRows: extraRows),
            agency: inputs.agency, due: DayFormatter.long(inputs.due),
            child: [
                .init(label: "Child", value: inputs.childName),
                .init(label: "Date of birth", value: inputs.dateOfBirth.map(DayFormatter.long) ?? ""),
                .init(label: "Date of death", value: inputs.dateOfDeath.map(DayFormatter.long) ?? ""),
                .init(label: "Case reference", value: inputs.caseReference),
            ],
            panel: services.panelName,
            coordinator: "\(configuration.coordinatorName) (\(configuration.coordinatorEmail))")
    }

    static func chrome(
        _ services: WebServices, _ context: WebContext, csrf: String, definition: FormDefinition, notice: String?,
        errors: [FieldError] = []
    ) -> PageChrome {
        services.chrome(
            definition.title, context, path: "/forms", csrf: csrf, notice: notice, errors: FormErrors.summary(errors))
    }
}

extension FormPageCache.Inputs {
    /// The inputs of `request`'s form page for the case `caseID` in `state`.
    init(caseID: CaseID?, state: CaseState?, request: FormRequest, values: [String: [String]], notice: String?) {
        let notification = state?.notification
        self.init(
            caseReference: caseID?.reference ?? "", formType: request.formType, values: values,
            agency: request.agencyName, due: request.dueDate, childName: notification?.child.name.fullName ?? "",
            dateOfBirth: notification?.child.dateOfBirth, dateOfDeath: notification?.death.date, notice: notice)
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
