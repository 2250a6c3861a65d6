import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The case page's content.
struct CasePageView: Encodable {
    struct Detail: Encodable {
        var label: String
        var value: String
    }

    struct RequestRow: Encodable {
        var id: String
        var agency: String
        var form: String
        var due: String
        var status: String
        var href: String
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Event: Encodable {
        var at: String
        var iso: String
        var what: String
        var who: String
        /// On a line standing for entries left out: where to see them, and the link's words.
        var href: String?
        var linkText: String?
    }

    var reference: String
    var caseID: String
    var stage: String
    var details: [Detail]
    var possibleDuplicateOf: String?
    var possibleDuplicateHref: String?
    /// The case last decided to be a different death, while that decision can be reopened.
    var rejectedDuplicateOf: String?
    var correctionHref: String?
    /// The error beside the duplicate decision's choice, when it was saved with nothing chosen.
    var decisionError: String?
    var requests: [RequestRow]
    var hasRequests: Bool
    var canAct: Bool
    var canRequest: Bool
    var agencies: [Option]
    var forms: [Option]
    var dueDefault: String
    var contact: String
    var requestAction: String
    var duplicateAction: String
    var timeline: [Event]
    var actions: CaseActionsView
    var notification: CaseNotificationView?
    var outcome: CaseOutcomeView?
    var nationalReturn: CaseNationalReturnView

    init(
        caseID: CaseID, state: CaseState, timeline entries: [TimelineEntry], agencies directory: [AgencyView],
        panel: PanelConfiguration, formCatalog: FormCatalog, today: CalendarDate, post: FormPost, canAct: Bool,
        error: String? = nil
    ) {
        reference = caseID.reference
        self.caseID = caseID.description
        stage = StageNames.label(state.stage?.name ?? "")
        let child = state.notification?.child
        let death = state.notification?.death
        details = [
            Detail(label: "Child", value: child?.name.fullName ?? "not recorded"),
            Detail(
                label: "Date of birth",
                value: state.erasedSubjects.contains("child")
                    ? PersonalFields.erasedText : child.map { DayFormatter.long($0.dateOfBirth) } ?? ""),
            Detail(label: "Date of death", value: death.map { DayFormatter.long($0.date) } ?? ""),
            Detail(label: "Sex", value: child.map { "\($0.sex.rawValue)" } ?? ""),
            Detail(
                label: "Area",
                value: state.areaCode.map { code in panel.area(code: code).map { "\($0.name) (\(code))" } ?? code }
                    ?? "outside the panel's areas"),
            Detail(label: "Expected or unexpected", value: state.expectation?.label ?? "not yet triaged"),
            Detail(label: "Stage", value: StageNames.label(state.stage?.name ?? "")),
        ]
        notification = state.notification.map(CaseNotificationView.init)
        outcome = state.panelOutcome.map(CaseOutcomeView.init)
        if let external = state.externalReference {
            details.insert(Detail(label: "Reference in earlier records", value: external), at: 0)
        }
        possibleDuplicateOf = state.duplicateOf == nil ? state.possibleDuplicateOf.map(\.reference) : nil
        possibleDuplicateHref = state.possibleDuplicateOf.map { "/cases/\($0)" }
        rejectedDuplicateOf =
            canAct && state.possibleDuplicateOf == nil && state.duplicateOf == nil
            ? state.rejectedDuplicateOf.map(\.reference) : nil
        correctionHref =
            canAct && !state.isClosed && state.duplicateOf == nil && state.transfer == nil
            ? "/cases/\(caseID)/correction" : nil
        requests = state.formRequests.map {
            RequestRow(
                id: $0.id.description, agency: $0.agencyName, form: $0.formType.label,
                due: DayFormatter.long($0.dueDate),
                status: $0.status.label, href: "/cases/\(caseID)/requests/\($0.id)")
        }
        hasRequests = !requests.isEmpty
        self.canAct = canAct
        canRequest = canAct && state.stage?.countsForPanel == true && !state.isClosed
        let chosenAgency = post["agency"]
        agencies = directory.map { Option(value: $0.agencyID, label: $0.name, selected: $0.agencyID == chosenAgency) }
        let chosenForm = post["form"] ?? FormType.reporting.rawValue
        forms = FormType.allCases.map { type in
            Option(value: type.rawValue, label: type.label.capitalisedFirst, selected: type.rawValue == chosenForm)
        }
        dueDefault = post["due"] ?? today.adding(days: 14).iso
        contact = post["contact"] ?? ""
        requestAction = "/cases/\(caseID)/requests"
        duplicateAction = "/cases/\(caseID)/duplicate"
        actions = CaseActionsView(caseID: caseID, state: state, today: today, canAct: canAct, post: post, error: error)
        nationalReturn = CaseNationalReturnView(
            caseID: caseID, state: state, forms: formCatalog, canAct: canAct, post: post, error: error)
        timeline = entries.reversed().map {
            var event = Event(
                at: DayFormatter.dayAndTime($0.at), iso: Timestamp.format($0.at), what: $0.what,
                who: "\($0.who) (\($0.role))")
            if let before = $0.earlierBefore {
                event.href = "/cases/\(caseID)?before=\(before)#timeline"
                event.linkText = "Show earlier entries"
            } else if $0.laterAfter != nil {
                event.href = "/cases/\(caseID)#timeline"
                event.linkText = "Show the latest entries"
            }
            return event
        }
    }

    static func notice(for done: String) -> String? {
        switch done {
        case "requested": "The form has been requested. The agency's contact will get an email with a secure link."
        case "withdrawn": "The request has been withdrawn and its link no longer works."
        case "merged": "The duplicate notification has been merged into this case."
        case "notDuplicate": "The notification has been kept as a separate death."
        case "corrected": "The notification has been corrected. The change and its reason are in the timeline."
        case "reopen-duplicate-decision":
            "The duplicate decision has been reopened: decide again whether it is the same death."
        case "finalise": "The part is finalised for the national return."
        case "reopen-finalised": "The finalised part has been reopened."
        default: CaseActionsView.notice(for: done)
        }
    }
}
