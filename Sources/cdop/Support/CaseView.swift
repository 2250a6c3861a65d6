import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation

/// A case as the coordinator reads it at the terminal (text) or a program reads it (JSON).
struct CaseView: Encodable {
    struct Request: Encodable {
        var id: String
        var agency: String
        var form: String
        var contact: String
        var due: String
        var status: String
    }

    struct Action: Encodable {
        var id: String
        var text: String
        var owner: String
        var due: String
        var completed: String?
    }

    struct Pause: Encodable {
        var process: String
        var reason: String
        var from: String
        var until: String?
    }

    struct Outcome: Encodable {
        var primaryCategory: Int
        var category: String
        var otherCategories: [Int]
        var outcome: String
        var factors: [String]
        var learning: [String]
        var reviewedOn: String
    }

    var caseId: String
    var reference: String
    var stage: String
    var child: String
    var dateOfBirth: String
    var dateOfDeath: String
    var area: String?
    var expectation: String?
    var jarTriggers: [String]
    var possibleDuplicateOf: String?
    var duplicateOf: String?
    var requests: [Request]
    var pauses: [Pause]
    var outcome: Outcome?
    var actions: [Action]
    var reviewDaysExcludingPauses: Int?
    var timeline: [TimelineEntry]

    init(caseID: CaseID, state: CaseState, timeline: [TimelineEntry], panel: PanelConfiguration) {
        caseId = caseID.description
        reference = CaseTables.reference(of: caseID)
        stage = state.stage?.name ?? "none"
        child = state.notification?.child.name.fullName ?? ""
        dateOfBirth = state.notification?.child.dateOfBirth.iso ?? ""
        dateOfDeath = state.notification?.death.date.iso ?? ""
        area = state.areaCode.map { code in panel.area(code: code).map { "\($0.name) (\(code))" } ?? code }
        expectation = state.expectation?.label
        jarTriggers = state.triage?.triggers.map { "\($0)" } ?? []
        possibleDuplicateOf = state.possibleDuplicateOf.map(CaseTables.reference(of:))
        duplicateOf = state.duplicateOf.map(CaseTables.reference(of:))
        requests = state.formRequests.map {
            Request(id: $0.id.description, agency: $0.agencyName, form: $0.formType.label, contact: $0.contactEmail,
                    due: $0.dueDate.iso, status: $0.status.label)
        }
        pauses = state.pauses.map {
            Pause(process: $0.process.label, reason: $0.reason, from: $0.from.iso, until: $0.until?.iso)
        }
        outcome = state.panelOutcome.map {
            Outcome(
                primaryCategory: $0.primaryCategory.rawValue, category: $0.primaryCategory.label,
                otherCategories: $0.otherCategories.map(\.rawValue), outcome: $0.outcome.label,
                factors: $0.factors.map { "\($0.domain.label): \($0.description) (level \($0.level.rawValue)\($0.modifiable ? ", modifiable" : ""))" },
                learning: $0.learningPoints.map { "\($0.theme): \($0.text)" }, reviewedOn: $0.reviewedOn.iso)
        }
        actions = state.recommendations.map {
            Action(id: $0.id.description, text: $0.text, owner: $0.owner, due: $0.dueDate.iso, completed: $0.completedOn?.iso)
        }
        reviewDaysExcludingPauses = state.reviewDaysExcludingPauses
        self.timeline = timeline
    }

    var text: String {
        var lines = [
            "Case \(reference)  (\(caseId))",
            "stage        \(stage)",
            "child        \(child), born \(dateOfBirth), died \(dateOfDeath)",
            "area         \(area ?? "not in the panel's areas")",
            "death        \(expectation ?? "not known")" + (jarTriggers.isEmpty ? "" : "; JAR triggers: \(jarTriggers.joined(separator: ", "))"),
        ]
        if let duplicateOf { lines.append("duplicate of \(duplicateOf) (merged; no further commands)") }
        if let possibleDuplicateOf { lines.append("possible duplicate of \(possibleDuplicateOf): confirm or reject") }
        if !requests.isEmpty {
            lines.append("\nForm requests")
            lines.append(TextTable.render(
                header: ["request", "agency", "form", "due", "status"],
                rows: requests.map { [String($0.id.prefix(8)), $0.agency, $0.form, $0.due, $0.status] }))
        }
        if !pauses.isEmpty {
            lines.append("\nAwaiting external processes")
            lines += pauses.map { "  \($0.process) from \($0.from)\($0.until.map { " until \($0)" } ?? " (open)"): \($0.reason)" }
        }
        if let outcome {
            lines.append("\nPanel outcome (\(outcome.reviewedOn)): category \(outcome.primaryCategory) \(outcome.category); \(outcome.outcome)")
            lines += outcome.factors.map { "  factor: \($0)" } + outcome.learning.map { "  learning: \($0)" }
        }
        if !actions.isEmpty {
            lines.append("\nActions")
            lines += actions.map { "  [\($0.completed == nil ? " " : "x")] \($0.text) (\($0.owner), due \($0.due))" }
        }
        if let days = reviewDaysExcludingPauses { lines.append("\nDays from death to review, not counting pauses: \(days)") }
        lines.append("\nTimeline")
        let formatter = ISO8601DateFormatter()
        lines.append(TextTable.render(
            header: ["when (UTC)", "who", "what"],
            rows: timeline.map { [formatter.string(from: $0.at), "\($0.who) (\($0.role))", $0.what] }))
        return lines.joined(separator: "\n")
    }
}
