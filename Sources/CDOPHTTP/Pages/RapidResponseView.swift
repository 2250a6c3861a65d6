import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The rapid-response page of one case: triage, then convening the meeting.
struct RapidResponseView: Encodable {
    struct Option: Encodable {
        var id: String
        var value: String
        var label: String
        var checked: Bool
    }

    struct InviteeRow: Encodable {
        var index: Int
        var number: Int
        var name: String
        var email: String
        var organisation: String
        var roles: [Option]
        var nameError: String?
        var emailError: String?
    }

    struct MeetingLink: Encodable {
        var href: String
        var when: String
        var status: String
    }

    var reference: String
    var caseHref: String
    var reported: String
    var triaged: String?
    var expectations: [Option]
    var triggers: [Option]
    var triageAction: String
    var canConvene: Bool
    var conveneAction: String
    var starts: String
    var duration: String
    var place: String
    var callLink: String
    var invitees: [InviteeRow]
    var meetings: [MeetingLink]
    var hasMeetings: Bool
    /// The Joint Agency Response is under way: it can be completed, and re-triaging it as expected asks why.
    var isActive: Bool
    var completeAction: String
    var completed: String?
    var note: String
    var retriageReason: String
    var errorFor: [String: String]

    /// `convened`: the states of the case's rapid-response meetings, for their current time and status.
    init(
        caseID: CaseID, state: CaseState, convened: [MeetingID: MeetingState] = [:], post: FormPost,
        extraRows: Set<String>,
        errors: [PageChrome.ErrorLink]
    ) {
        reference = caseID.reference
        caseHref = "/cases/\(caseID)"
        reported = state.notification?.death.reportedExpectation.label ?? "not known"
        triaged = state.triage.map { record in
            "\(record.expectation.label.capitalisedFirst), confirmed by \(record.confirmedBy) on \(DayFormatter.long(record.at))"
                + (record.triggers.isEmpty ? "" : "; triggers: " + record.triggers.map(\.label).joined(separator: "; "))
        }
        let chosen = post["expectation"] ?? state.triage?.expectation.rawValue
        expectations = Expectation.allCases.enumerated().map { index, value in
            Option(
                id: index == 0 ? "expectation" : "expectation-\(index)", value: value.rawValue,
                label: value.label.capitalisedFirst, checked: value.rawValue == chosen)
        }
        let chosenTriggers = Set(post.all("triggers") + (state.triage?.triggers.map(\.rawValue) ?? []))
        triggers = JARTrigger.allCases.enumerated().map { index, trigger in
            Option(
                id: index == 0 ? "triggers" : "triggers-\(index)", value: trigger.rawValue,
                label: trigger.label.capitalisedFirst, checked: chosenTriggers.contains(trigger.rawValue))
        }
        triageAction = "/cases/\(caseID)/triage"
        isActive = state.rapidResponse?.isActive == true
        // Convened once is enough: convening again is offered only when every meeting convened was cancelled.
        let live = (state.rapidResponse?.meetings ?? []).filter { convened[$0]?.isCancelled != true }
        canConvene = isActive && live.isEmpty
        completeAction = "/cases/\(caseID)/rapid-response/complete"
        completed = state.rapidResponse?.completedAt.map {
            "The Joint Agency Response was completed on \(DayFormatter.long($0))."
        }
        note = post["note"] ?? ""
        retriageReason = post["retriage-reason"] ?? ""
        conveneAction = "/cases/\(caseID)/rapid-response"
        starts = post["starts"] ?? ""
        duration = post["duration"] ?? "60"
        place = post["place"] ?? ""
        callLink = post["call-link"] ?? ""
        let rows = max(1, InviteeRows.count(post)) + (extraRows.contains("invitees") ? 1 : 0)
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        errorFor = byField
        invitees = (0..<rows).map { index in
            let role = post["invitees[\(index)].role"] ?? InviteeRole.other.rawValue
            return InviteeRow(
                index: index, number: index + 1, name: post["invitees[\(index)].name"] ?? "",
                email: post["invitees[\(index)].email"] ?? "",
                organisation: post["invitees[\(index)].organisation"] ?? "",
                roles: InviteeRole.allCases.map {
                    Option(id: "", value: $0.rawValue, label: InviteeRoleNames.label($0), checked: $0.rawValue == role)
                },
                nameError: byField["invitees-\(index)-name"], emailError: byField["invitees-\(index)-email"])
        }
        meetings = (state.rapidResponse?.meetings ?? []).map { id in
            let meeting = convened[id]
            let when = meeting?.startsAt ?? state.rapidResponse?.scheduledFor[id]
            let status =
                state.rapidResponse?.held[id] != nil || meeting?.isHeld == true
                ? "held"
                : meeting?.isCancelled == true ? "cancelled" : "to be held"
            return MeetingLink(href: "/meetings/\(id)", when: when.map(DayFormatter.dayAndTime) ?? "", status: status)
        }
        hasMeetings = !meetings.isEmpty
    }
}

enum InviteeRoleNames {
    static func label(_ role: InviteeRole) -> String {
        switch role {
        case .chair: "Chair"
        case .designatedDoctor: "Designated doctor"
        case .paediatrician: "Paediatrician"
        case .police: "Police"
        case .childrensSocialCare: "Children's social care"
        case .healthVisitor: "Health visitor"
        case .gp: "GP"
        case .nurse: "Nurse"
        case .education: "Education"
        case .coordinator: "CDOP coordinator"
        case .panelMember: "Panel member"
        case .other: "Other"
        }
    }
}
