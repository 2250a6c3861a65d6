import CDOPApp
import CDOPDomain
import Foundation

/// The case page's actions of the moment: only those the case's state allows are offered (the domain still
/// decides, and a refusal comes back beside the field it concerns). Every form posts to
/// `/cases/{id}/commands` with the command's name and the same fields as the JSON API.
struct CaseActionsView: Encodable {
    typealias Choice = CasePageView.Option

    struct OpenPause: Encodable {
        var process: String
        var label: String
        var since: String
    }

    struct OpenAction: Encodable {
        var id: String
        var text: String
        var owner: String
        var due: String
    }

    var commandAction: String
    var today: String
    var offered: Bool
    var canAwaitExternal: Bool
    var processes: [Choice]
    var openPauses: [OpenPause]
    var canRecordReviewMeeting: Bool
    var canMarkReady: Bool
    var canRefer: Bool
    var canSubmitToNCMD: Bool
    var canClose: Bool
    var canReopen: Bool
    var canTransfer: Bool
    var canRuleOutOfScope: Bool
    var outOfScopeReasons: [Choice]
    var canAddAction: Bool
    var openActions: [OpenAction]
    /// What was typed into the form that came back with an error, by field id (`command-field`).
    var typed: [String: String]
    /// The refusal of the command that came back, beside its form.
    var errorFor: [String: String]

    init(caseID: CaseID, state: CaseState, today: CalendarDate, canAct: Bool, post: FormPost, error: String? = nil) {
        let stage = state.stage
        let live = canAct && stage?.countsForPanel == true && !state.isClosed
        let reviewed = state.panelOutcome != nil
        commandAction = "/cases/\(caseID)/commands"
        self.today = today.iso
        canAwaitExternal = live && !reviewed
        processes = ExternalProcess.allCases.map {
            Choice(value: $0.rawValue, label: $0.label.capitalisedFirst, selected: post["process"] == $0.rawValue)
        }
        openPauses =
            live
            ? state.openPauses.map {
                OpenPause(process: $0.process.rawValue, label: $0.process.label, since: DayFormatter.long($0.from))
            } : []
        canRecordReviewMeeting = live && !reviewed && state.triage != nil && state.reviewMeeting == nil
        canMarkReady = live && !reviewed && state.triage != nil && state.readyForPanelAt == nil
        canRefer = live && state.safeguardingReferral == nil
        canSubmitToNCMD = live && reviewed && state.ncmdSubmission == nil
        canClose = live && reviewed && state.ncmdSubmission != nil
        canReopen = canAct && state.isClosed
        canTransfer = live && !reviewed
        canRuleOutOfScope = canAct && !state.isClosed && !reviewed && (stage == .notified || stage == .triaged)
        outOfScopeReasons = OutOfScopeReason.allCases.map {
            Choice(value: $0.rawValue, label: $0.label.capitalisedFirst, selected: post["reason"] == $0.rawValue)
        }
        canAddAction = canAct && stage?.countsForPanel == true
        openActions =
            canAct
            ? state.recommendations.filter(\.isOpen).map {
                OpenAction(id: $0.id.description, text: $0.text, owner: $0.owner, due: DayFormatter.long($0.dueDate))
            } : []
        offered =
            canAwaitExternal || !openPauses.isEmpty || canRecordReviewMeeting || canMarkReady || canRefer
            || canSubmitToNCMD
            || canClose || canReopen || canTransfer || canRuleOutOfScope || canAddAction
        var typed: [String: String] = [:]
        if let command = post["command"] {
            for (name, values) in post.answersOnly where name != "command" {
                typed["\(command)-\(name)"] = values.first ?? ""
            }
        }
        self.typed = typed
        errorFor = [post["command"], error].allSatisfy { $0 != nil } ? [post["command"]!: error!] : [:]
    }

    /// The page's confirmation after a command succeeded.
    static func notice(for command: String) -> String? {
        switch command {
        case "await-external": "The review is now paused while the external process runs."
        case "conclude-external": "The external process is recorded as concluded."
        case "review-meeting-held": "The child death review meeting is recorded."
        case "ready-for-panel": "The case is ready for the panel."
        case "refer-cspr": "The referral for a safeguarding practice review is recorded."
        case "ncmd-submission": "The submission to the National Child Mortality Database is recorded."
        case "close": "The case is closed."
        case "reopen": "The case has been reopened."
        case "transfer": "The case has been transferred."
        case "out-of-scope": "The death is recorded as out of scope."
        case "add-action": "The action has been recorded."
        case "complete-action": "The action is recorded as complete."
        default: nil
        }
    }

    /// A field's name as the case page shows it, for error messages.
    static func label(of field: String) -> String {
        switch field {
        case "process": "the external process"
        case "reason": "the reason"
        case "since": "the date it began"
        case "on": "the date it concluded"
        case "heldOn": "the date the meeting was held"
        case "draftAnalysis": "the draft analysis"
        case "referredOn": "the date of the referral"
        case "reference": "the NCMD reference"
        case "submittedOn": "the date of submission"
        case "toPanel": "the panel it moves to"
        case "text": "what is to be done"
        case "owner": "who owns it"
        case "dueDate": "the due date"
        case "actionId": "the action"
        case "completedOn": "the date it was completed"
        case "detail": "the detail"
        case "form": "the part of the national return"
        default: "the \(field)"
        }
    }
}
