import CDOPApp
import Foundation

extension CaseView {
    var text: String {
        var lines = [
            "Case \(reference)  (\(caseId))" + (externalReference.map { "  known as \($0) in earlier records" } ?? ""),
            "stage        \(stage)",
            "child        \(child), born \(dateOfBirth), died \(dateOfDeath)",
            "area         \(area ?? "not in the panel's areas")",
            "death        \(expectation ?? "not known")"
                + (jarTriggers.isEmpty ? "" : "; JAR triggers: \(jarTriggers.joined(separator: ", "))"),
        ]
        if let duplicateOf { lines.append("duplicate of \(duplicateOf) (merged; no further commands)") }
        if let possibleDuplicateOf { lines.append("possible duplicate of \(possibleDuplicateOf): confirm or reject") }
        if !requests.isEmpty {
            lines.append("\nForm requests")
            lines.append(
                TextTable.render(
                    header: ["request", "agency", "form", "due", "status"],
                    rows: requests.map { [String($0.id.prefix(8)), $0.agency, $0.form, $0.due, $0.status] }))
        }
        if !pauses.isEmpty {
            lines.append("\nAwaiting external processes")
            lines += pauses.map {
                "  \($0.process) from \($0.from)\($0.until.map { " until \($0)" } ?? " (open)"): \($0.reason)"
            }
        }
        if let outcome {
            lines.append(
                "\nPanel outcome (\(outcome.reviewedOn)): category \(outcome.primaryCategory) \(outcome.category); \(outcome.outcome)"
            )
            lines += outcome.factors.map { "  factor: \($0)" } + outcome.learning.map { "  learning: \($0)" }
        }
        if !actions.isEmpty {
            lines.append("\nActions")
            lines += actions.map { "  [\($0.completed == nil ? " " : "x")] \($0.text) (\($0.owner), due \($0.due))" }
        }
        if nationalReturn.included {
            lines.append(
                nationalReturn.ready
                    ? "\nReady for the national return"
                    : "\nNot ready for the national return\n"
                        + nationalReturn.reasons.map { "  \($0.detail)" }.joined(
                            separator: "\n"))
        }
        if let days = reviewDaysExcludingPauses {
            lines.append("\nDays from death to review, not counting pauses: \(days)")
        }
        lines.append("\nTimeline")
        let formatter = ISO8601DateFormatter()
        lines.append(
            TextTable.render(
                header: ["when (UTC)", "who", "what"],
                rows: timeline.map { [formatter.string(from: $0.at), "\($0.who) (\($0.role))", $0.what] }))
        return lines.joined(separator: "\n")
    }
}
