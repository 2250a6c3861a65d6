import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation

/// What a coordinator does to one form request, from the request page and the API alike: the command each
/// action issues, with the field its input comes from.
enum RequestWork: String, CaseIterable, Sendable {
    case remind
    case changeContact = "change-contact"
    case waive
    case decline
    case withdraw

    /// The command for `requestID` with the coordinator's `reason` or new `contactEmail`.
    func command(_ requestID: FormRequestID, reason: String?, contactEmail: String?, by declaredBy: String)
        -> CaseCommand
    {
        switch self {
        case .remind: .sendReminderNow(requestID: requestID)
        case .changeContact: .changeFormContact(requestID: requestID, contactEmail: contactEmail ?? "")
        case .waive: .waiveFormRequest(requestID: requestID, reason: reason ?? "")
        case .decline: .recordDecline(requestID: requestID, reason: reason ?? "", declaredBy: declaredBy)
        case .withdraw: .withdrawFormRequest(requestID: requestID, reason: reason ?? "")
        }
    }

    /// The input the action needs: "reason", "contactEmail", or nothing.
    var field: String? {
        switch self {
        case .remind: nil
        case .changeContact: "contactEmail"
        case .waive, .decline, .withdraw: "reason"
        }
    }

    /// What the page says once it is done.
    var notice: String {
        switch self {
        case .remind: "A reminder is on its way to the agency's contact."
        case .changeContact:
            "The request has been sent to the new contact with a new link. The old link no longer opens the form."
        case .waive: "The request has been waived: the panel will not wait for it, and a late return is still accepted."
        case .decline: "The agency's decline has been recorded."
        case .withdraw:
            "The request has been withdrawn, its link no longer works, and the agency has been told by email."
        }
    }

    /// The refusal when the action's input is left empty.
    var missingInput: String {
        switch self {
        case .changeContact: "Enter the new contact's email address"
        case .waive: "Enter why the panel will not wait for this form"
        case .decline: "Enter why the agency declined"
        case .withdraw: "Enter why the request is withdrawn"
        case .remind: ""
        }
    }

    /// The request this path names on the case, or nil.
    static func request(_ text: String?, in state: CaseState) -> FormRequest? {
        text.flatMap(FormRequestID.init).flatMap(state.request)
    }
}
