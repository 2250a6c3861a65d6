import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation
import Hummingbird

/// Closing and transferring a case are asked again before they are done: the case page's form comes to a
/// confirmation page that carries what was typed and says what will happen.
enum CaseConfirmation {
    /// The confirmation page for command `name`, or nil when it needs none (or was confirmed, or the case page
    /// does not offer it to this person now, or it lacks the fields whose absence the command itself reports:
    /// the command then refuses as it would have).
    static func asked(
        _ name: String, _ post: FormPost, _ caseID: CaseID, _ state: CaseState, _ context: WebContext,
        _ services: WebServices
    ) -> Response? {
        guard post["confirmed"] != "yes" else { return nil }
        let offered = CaseActionsView(
            caseID: caseID, state: state, today: LondonTime.day(of: services.now),
            canAct: context.staff?.actsForPanel == true,
            post: post)
        let reference = caseID.reference
        let heading: String
        let message: String
        let label: String
        switch name {
        case "close" where offered.canClose:
            guard let reason = post["reason"], !reason.allSatisfy(\.isWhitespace) else { return nil }
            heading = "Close case \(reference)?"
            message = "The case leaves the open caseload; it can be reopened later with a reason. Reason: \(reason)"
            label = "Yes, close the case"
        case "transfer" where offered.canTransfer:
            guard let panel = post["toPanel"], let reason = post["reason"] else { return nil }
            heading = "Transfer case \(reference) to \(panel)?"
            message = "The case leaves this panel and its outstanding requests stop. Reason: \(reason)"
            label = "Yes, transfer the case"
        default:
            return nil
        }
        var hidden = post.answersOnly.sorted { $0.key < $1.key }.flatMap { name, values in
            values.map { ConfirmPageView.Hidden(name: name, value: $0) }
        }
        hidden.append(.init(name: "confirmed", value: "yes"))
        let view = ConfirmPageView(
            heading: heading, message: message, action: "/cases/\(caseID)/commands", hidden: hidden,
            confirmLabel: label,
            cancelHref: "/cases/\(caseID)#actions")
        return services.renderer.page("confirm", view, chrome: services.chrome(heading, context, path: "/cases"))
    }
}
