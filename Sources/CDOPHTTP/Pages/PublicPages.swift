import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The public notification form: any professional reports a child's death, without an account (as
/// professionals expect), limited per address, with each error beside its field and nothing typed lost.
enum PublicPages {
    /// Who notifications from the public form are recorded as (the notifier's own details are in the form).
    static let notifierActor = Actor(name: "notification-form", role: "notifier")

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/notify", .everyone, .page, showNotificationForm)
        routes.post("/notify", .everyone, .page, notify)
        routes.get("/notify/received", .everyone, .page, showReceived)
    }

    /// GET /notify
    static func showNotificationForm(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let (token, isNew) = CSRF.anonymousToken(request)
        var response = page(services, context, csrf: token, values: [:], errors: [])
        if isNew { response.setCookie(CSRF.cookie(token, secure: services.secureCookies)) }
        return response
    }

    /// POST /notify
    static func notify(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let csrf = request.cookies[CSRF.cookieName]?.value ?? ""
        let definition = services.definitions.forms.notification
        var values = post.answersOnly
        if let group = post["action"].flatMap(addRowTarget) {
            return page(services, context, csrf: csrf, values: values, errors: [], extraRows: [group])
        }
        guard await services.limits.notifications.allow(context.peerAddress, now: services.now) else {
            let wait = await services.limits.notifications.retryAfter(context.peerAddress)
            var response = page(
                services, context, csrf: csrf, values: values,
                errors: [
                    FieldError(
                        path: definition.fields.first?.id ?? "notify", label: "",
                        message:
                            "Too many notifications have been sent from your connection. Wait \(max(1, wait / 60)) minute(s) and send again: what you typed is kept below."
                    )
                ],
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let today = LondonTime.day(of: services.now)
        var refused: [FieldError] = []
        switch definition.validate(post: values, today: today, mode: .submit) {
        case .invalid(let errors, let echoed):
            values = echoed
            refused = errors
        case .valid(let answers):
            do {
                let notification = try NotificationFormMapping.notification(
                    from: answers, form: definition,
                    context: DecisionContext(now: services.now, configuration: services.engine.panel))
                let notified = try services.engine.workflow.notify(
                    notification, by: notifierActor, alertCoordinator: true)
                return redirect(to: "/notify/received?reference=\(notified.caseID.reference)")
            } catch let errors as FieldErrors {
                refused = errors.errors
            } catch let error as CommandError {
                guard ServerFault(error) == nil else {
                    await services.limits.notifications.refund(context.peerAddress)
                    throw error
                }
                refused = [
                    FieldError(path: definition.fields.first?.id ?? "notify", label: "", message: describe(error))
                ]
            }
        }
        // Only an accepted notification uses up the limit: a trust's staff share one address.
        await services.limits.notifications.refund(context.peerAddress)
        return page(services, context, csrf: csrf, values: values, errors: refused, status: .unprocessableContent)
    }

    /// GET /notify/received
    static func showReceived(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let reference = request.uri.queryParameters.get("reference").flatMap {
            $0.hasPrefix("CDOP-") && $0.count == 13 ? $0 : nil
        }
        return services.renderer.page(
            "notification-received",
            NotificationReceivedView(reference: reference ?? "", hasReference: reference != nil),
            chrome: services.chrome("Notification received", context, path: "/notify"))
    }

    /// The group an "add another" button asks for, from its value `add-row:GROUP`.
    static func addRowTarget(_ action: String) -> String? {
        action.hasPrefix("add-row:") ? String(action.dropFirst("add-row:".count)) : nil
    }

    static func page(
        _ services: WebServices, _ context: WebContext, csrf: String, values: [String: [String]], errors: [FieldError],
        extraRows: Set<String> = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        let definition = services.definitions.forms.notification
        // The area fields are chosen from the panel's areas (the form cannot know them: they are configuration).
        let areas =
            [FieldOption(value: "", label: "Outside the panel's areas, or not known")]
            + services.engine.panel.areas.map { FieldOption(value: $0.code, label: $0.name) }
        let form = FormView(
            definition, values: values, errors: FormErrors.byPath(errors), extraRows: extraRows,
            choices: [NotificationFields.residenceArea: areas, NotificationFields.areaOfDeath: areas])
        return services.renderer.page(
            "notification-form", NotificationFormView(form: form, action: "/notify"),
            chrome: services.chrome(
                "Notify a child's death", context, path: "/notify", csrf: csrf, errors: FormErrors.summary(errors)),
            status: status)
    }
}

/// Field errors as the page shows them: beside each field, and linked from the summary.
enum FormErrors {
    static func byPath(_ errors: [FieldError]) -> [String: String] {
        var byPath: [String: String] = [:]
        for error in errors where byPath[error.path] == nil { byPath[error.path] = error.message }
        return byPath
    }

    static func summary(_ errors: [FieldError]) -> [PageChrome.ErrorLink] {
        errors.map {
            PageChrome.ErrorLink(
                field: $0.path.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "].", with: "-"),
                message: $0.message)
        }
    }
}

/// The page thanking a notifier, with the case's reference when the notification made one.
struct NotificationReceivedView: Encodable {
    var reference: String
    var hasReference: Bool
}

/// The public notification form.
struct NotificationFormView: Encodable {
    var form: FormView
    var action: String
}
