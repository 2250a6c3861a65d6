import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import Foundation

/// One form request's page: where it stands, the returned answers (read-only), every email sent for it, and
/// what the coordinator can do.
struct RequestPageView: Encodable {
    var reference: String
    var caseHref: String
    var agency: String
    var form: String
    var details: [CasePageView.Detail]
    var returned: Bool
    var answeredForm: String
    var answers: [CasePageView.Detail]
    var emails: [RequestEmail]
    var hasEmails: Bool
    /// The coordinator may remind, change the contact, waive or record a decline (the request is outstanding).
    var canWork: Bool
    /// The coordinator may withdraw it (outstanding or waived).
    var canWithdraw: Bool
    var remindAction: String
    var contactAction: String
    var waiveAction: String
    var declineAction: String
    var withdrawAction: String
    /// What was typed into the form that came back with an error, by action.
    var typed: [String: String]
    /// The refusal beside the form it concerns, by action.
    var errorFor: [String: String]

    init(
        caseID: CaseID, request: FormRequest, state: CaseState, emails: [RequestEmail], forms: FormCatalog,
        canAct: Bool,
        typed: [String: String] = [:], errorFor: [String: String] = [:]
    ) {
        reference = caseID.reference
        caseHref = "/cases/\(caseID)#requests"
        agency = request.agencyName
        form = request.formType.label.capitalisedFirst
        details = [
            .init(label: "Status", value: request.status.label),
            .init(label: "Due", value: DayFormatter.long(request.dueDate)),
            .init(label: "Requested", value: DayFormatter.dayAndTime(request.requestedAt)),
            .init(label: "Contact", value: request.contactEmail),
        ]
        switch request.resolution {
        case .withdrawn(let reason, let at)?:
            details.append(.init(label: "Withdrawn", value: "\(DayFormatter.long(at)): \(reason)"))
        case .waived(let reason, let at)?:
            details.append(.init(label: "Waived", value: "\(DayFormatter.long(at)): \(reason)"))
        case .declinedNoInformation(let at)?:
            details.append(
                .init(
                    label: "Declined",
                    value: "\(DayFormatter.long(at)): \(request.declineReason ?? "no information held")"))
        case .returned(let at)?: details.append(.init(label: "Returned", value: DayFormatter.dayAndTime(at)))
        case nil: break
        }
        let definition = request.answered.flatMap(forms.definition)
        returned = definition != nil
        answeredForm = definition.map { "\($0.title) (version \($0.version))" } ?? ""
        answers =
            definition.map { PseudonymisedAnswers.lines(request.answers, definition: $0, identifying: true) } ?? []
        self.emails = emails
        hasEmails = !emails.isEmpty
        canWork = canAct && request.isOutstanding && !state.isClosed
        canWithdraw = canAct && request.acceptsReturn && !state.isClosed
        let base = "/cases/\(caseID)/requests/\(request.id)"
        remindAction = base + "/remind"
        contactAction = base + "/contact"
        waiveAction = base + "/waive"
        declineAction = base + "/decline"
        withdrawAction = base + "/withdraw"
        self.typed = typed
        self.errorFor = errorFor
    }
}

/// The confirmation asked before an action that cannot be undone: what will happen, the fields as typed
/// (carried on hidden), a button that does it and a way back.
struct ConfirmPageView: Encodable {
    struct Hidden: Encodable {
        var name: String
        var value: String
    }

    var heading: String
    var message: String
    var action: String
    var hidden: [Hidden]
    var confirmLabel: String
    var cancelHref: String
}
