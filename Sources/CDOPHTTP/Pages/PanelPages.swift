import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The panel's view of a case on its agenda: pseudonymised (reference, age band, sex, area; never the
/// child's name, date of birth, NHS number or address), the agencies' returned forms without their
/// identifying fields, the draft analysis, and the analysis form (old Form C) that records the outcome.
enum PanelPages {
    static let panel = Access.staff([.panelMember, .coordinator])

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/panel/cases/:case", panel, .page, showPanelCase)
        routes.post("/panel/cases/:case", panel, .page, recordOutcome)
    }

    /// GET /panel/cases/:case
    static func showPanelCase(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let (caseID, state) = try caseOnAgenda(context, services)
        let values =
            state.panelOutcome.map { outcome in
                services.definitions.forms.analysis.post(
                    from: AnalysisFormMapping.answers(
                        from: outcome,
                        actions: state.recommendations.map {
                            AnalysisAction(text: $0.text, owner: $0.owner, dueDate: $0.dueDate)
                        }))
            } ?? [:]
        let notice =
            request.uri.queryParameters.get("done") == "recorded" ? "The panel's outcome has been recorded." : nil
        return page(services, context, caseID: caseID, state: state, values: values, notice: notice)
    }

    /// POST /panel/cases/:case
    static func recordOutcome(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, state) = try caseOnAgenda(context, services)
        let definition = services.definitions.forms.analysis
        let values = post.answersOnly
        if let group = post["action"].flatMap(PublicPages.addRowTarget) {
            return page(services, context, caseID: caseID, state: state, values: values, extraRows: [group])
        }
        guard let death = state.notification?.death.date else { throw HTTPError(.notFound) }
        switch definition.validate(post: values, today: LondonTime.day(of: services.now), mode: .submit) {
        case .invalid(let errors, let echoed):
            return page(
                services, context, caseID: caseID, state: state, values: echoed, errors: errors,
                status: .unprocessableContent)
        case .valid(let answers):
            do {
                try record(answers, dateOfDeath: death, on: caseID, context, services)
            } catch let errors as FieldErrors {
                return page(
                    services, context, caseID: caseID, state: state, values: values, errors: errors.errors,
                    status: .unprocessableContent)
            } catch {
                return page(
                    services, context, caseID: caseID, state: state, values: values,
                    errors: [
                        FieldError(path: definition.fields.first?.id ?? "analysis", label: "", message: "\(error)")
                    ],
                    status: .unprocessableContent)
            }
            return redirect(to: "/panel/cases/\(caseID)?done=recorded")
        }
    }

    /// Records the panel's outcome and its actions from the analysis form's answers (the page and the API).
    static func record(
        _ answers: FormAnswers, dateOfDeath: CalendarDate, on caseID: CaseID, _ context: WebContext,
        _ services: WebServices
    ) throws {
        let result = try AnalysisFormMapping.outcome(
            from: answers, form: services.definitions.forms.analysis, dateOfDeath: dateOfDeath,
            legacyScaleUntil: services.engine.panel.legacyScaleUntil)
        try services.engine.workflow.recordPanelOutcome(
            on: caseID, outcome: result.outcome,
            actions: result.actions.map {
                (ActionID(services.engine.workflow.makeID()), $0.text, $0.owner, $0.dueDate)
            },
            by: context.requireStaff().actor)
    }

    /// A case the panel may see: listed for a panel meeting (any case, for the coordinator), in the user's areas.
    static func caseOnAgenda(_ context: WebContext, _ services: WebServices) throws -> (CaseID, CaseState) {
        let (caseID, state) = try CasePages.caseInScope(context, services)
        let staff = try context.requireStaff()
        guard staff.has(.coordinator) || state.panelMeeting != nil else {
            try? services.accessLog.recordAccessRefused(
                "panel case not on an agenda", reason: .role, caseID: caseID, by: staff.user)
            throw HTTPError(.notFound, message: "There is no case with that reference on your agendas.")
        }
        return (caseID, state)
    }

    struct PanelCaseView: Encodable {
        typealias ReturnedForm = PseudonymisedCase.ReturnedForm

        var reference: String
        var details: [CasePageView.Detail]
        var draftAnalysis: String?
        var returned: [ReturnedForm]
        var hasReturned: Bool
        var form: FormView
    }

    static func page(
        _ services: WebServices, _ context: WebContext, caseID: CaseID, state: CaseState, values: [String: [String]],
        errors: [FieldError] = [], extraRows: Set<String> = [], notice: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let summary = PseudonymisedCase(services, caseID: caseID, state: state)
        let view = PanelCaseView(
            reference: summary.reference, details: summary.details, draftAnalysis: summary.draftAnalysis,
            returned: summary.returned, hasReturned: !summary.returned.isEmpty,
            form: FormView(
                services.definitions.forms.analysis, values: values, errors: FormErrors.byPath(errors),
                extraRows: extraRows))
        return services.renderer.page(
            "panel-case", view,
            chrome: services.chrome(
                "Panel review \(view.reference)", context, path: "/meetings", notice: notice,
                errors: FormErrors.summary(errors)),
            status: status)
    }
}

/// What the panel reads of a case: its reference, age band, sex, area and expectation, the draft analysis and
/// the returned forms without their identifying fields. No name, date of birth, NHS number or address.
struct PseudonymisedCase: Encodable {
    struct ReturnedForm: Encodable {
        var agency: String
        var form: String
        var answers: [CasePageView.Detail]
    }

    var reference: String
    var details: [CasePageView.Detail]
    var draftAnalysis: String?
    var returned: [ReturnedForm]

    init(_ services: WebServices, caseID: CaseID, state: CaseState) {
        let forms = services.definitions.forms
        let child = state.notification?.child
        let band = child.flatMap { child in
            state.notification.map { AgeBand(born: child.dateOfBirth, died: $0.death.date) }
        }
        reference = caseID.reference
        details = [
            .init(label: "Age at death", value: band?.label ?? "not known"),
            .init(label: "Sex", value: child.map { "\($0.sex.rawValue)" } ?? ""),
            .init(
                label: "Area",
                value: state.areaCode.flatMap { services.engine.panel.area(code: $0)?.name }
                    ?? "outside the panel's areas"),
            .init(label: "Expected or unexpected", value: state.expectation?.label ?? "not known"),
        ]
        draftAnalysis = state.reviewMeeting?.draftAnalysis
        returned = state.formRequests.compactMap { request in
            guard let answered = request.answered, let definition = forms.definition(answered) else { return nil }
            return ReturnedForm(
                agency: request.agencyName, form: definition.title,
                answers: PseudonymisedAnswers.lines(request.answers, definition: definition))
        }
    }
}

/// Returned answers as the panel reads them: every field the form does not mark identifying, in form order
/// (`identifying`: every field, as the coordinator reads them).
enum PseudonymisedAnswers {
    static func lines(_ answers: FormAnswers, definition: FormDefinition, identifying: Bool = false) -> [CasePageView
        .Detail]
    {
        definition.fields.compactMap { field in
            guard identifying || !field.identifying, let answer = answers[field.id] else { return nil }
            return CasePageView.Detail(label: field.label, value: text(answer, field: field))
        }
    }

    static func text(_ answer: AnswerValue, field: FormField) -> String {
        switch answer {
        case .text(let text): text
        case .number(let number): number == number.rounded() ? String(Int(number)) : String(number)
        case .date(let date): DayFormatter.long(date)
        case .choice(let value): field.optionLabel(value) ?? value
        case .multiple(let values): values.map { field.optionLabel($0) ?? $0 }.joined(separator: "; ")
        case .yesNo(let value): value.label
        case .groups(let rows):
            rows.map { row in
                field.fields.compactMap { inner in
                    guard !inner.identifying, let value = row[inner.id] else { return nil }
                    return "\(inner.label): \(text(value, field: inner))"
                }.joined(separator: ", ")
            }.joined(separator: " | ")
        }
    }
}
