import CDOPApp
import CDOPDefinitions
import CDOPDomain
import Foundation

/// The case page's national return: whether the case is ready, why not, each part and whether it is finalised,
/// and (for the coordinator) finalising a part or reopening a finalised one with a reason. Both forms post to
/// `/cases/{id}/commands` (`finalise`, `reopen-finalised`), as the JSON API takes them.
struct CaseNationalReturnView: Encodable {
    typealias Choice = CasePageView.Option

    struct Part: Encodable {
        var label: String
        var status: String
    }

    var included: Bool
    var ready: Bool
    var reasons: [String]
    var parts: [Part]
    var commandAction: String
    var canFinalise: Bool
    var finaliseChoices: [Choice]
    var canReopen: Bool
    var reopenChoices: [Choice]
    var typedReason: String
    /// The refusal of a finalise or reopen that came back, by command.
    var errorFor: [String: String]

    init(
        caseID: CaseID, state: CaseState, forms: FormCatalog, canAct: Bool, post: FormPost, error: String? = nil
    ) {
        let readiness = NationalReturnCheck.readiness(state, forms: forms)
        included = readiness.included
        ready = readiness.ready
        reasons = readiness.reasons.map(\.description)
        commandAction = "/cases/\(caseID)/commands"
        var parts: [(part: NationalReturnPart, label: String, available: String?)] = [
            (.notification, "Notification", nil)
        ]
        for request in state.formRequests {
            let returned: String? = if case .returned = request.resolution { nil } else { request.status.label }
            parts.append(
                (
                    .request(request.id), "\(request.formType.label.capitalisedFirst) from \(request.agencyName)",
                    returned
                ))
        }
        parts.append((.outcome, "Panel outcome (analysis form)", state.panelOutcome == nil ? "not recorded" : nil))
        self.parts = parts.map { entry in
            let status =
                if let at = state.nationalReturnFinalised[entry.part] {
                    "Finalised on \(DayFormatter.long(LondonTime.day(of: at)))"
                } else {
                    entry.available.map { "Not finalised: \($0)" } ?? "Not finalised"
                }
            return Part(label: entry.label, status: status)
        }
        let chosen = post["form"]
        let live = canAct && readiness.included
        finaliseChoices =
            live
            ? parts.filter { $0.available == nil && state.nationalReturnFinalised[$0.part] == nil }.map {
                Choice(value: $0.part.description, label: $0.label, selected: chosen == $0.part.description)
            } : []
        reopenChoices =
            live
            ? parts.filter { state.nationalReturnFinalised[$0.part] != nil }.map {
                Choice(value: $0.part.description, label: $0.label, selected: chosen == $0.part.description)
            } : []
        canFinalise = !finaliseChoices.isEmpty
        canReopen = !reopenChoices.isEmpty
        typedReason = post["command"] == "reopen-finalised" ? post["reason"] ?? "" : ""
        let command = post["command"]
        errorFor =
            if let command, let error, ["finalise", "reopen-finalised"].contains(command) { [command: error] } else {
                [:]
            }
    }
}
