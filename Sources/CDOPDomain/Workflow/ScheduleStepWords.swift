import Foundation

/// A schedule step's name in a coordinator's words: `final-reminder` → "final reminder",
/// `escalate-to-designated-doctor-and-chair` → "escalation to the designated doctor and chair".
package enum ScheduleStepWords {
    package static func words(_ step: String) -> String {
        let spaced = step.replacingOccurrences(of: "-", with: " ")
        if spaced.hasPrefix("escalate to ") { return "escalation to the " + spaced.dropFirst("escalate to ".count) }
        return spaced
    }

    /// The next step of a form request's chasing, for the dashboard: "Final reminder to Northgate Surgery".
    package static func next(_ step: String, agency: String) -> String {
        let words = words(step)
        let phrase: String =
            switch step {
            case "due": "the form from \(agency) falls due"
            case _ where step.contains("reminder"): "\(words) to \(agency)"
            case _ where step.hasPrefix("escalate"): "\(words) about the form from \(agency)"
            default: "\(words) (\(agency))"
            }
        return phrase.capitalisedFirst
    }

    /// Who a target reminder goes to, in words: "the coordinator and the designated doctor".
    package static func recipients(_ to: [ScheduleRecipient]) -> String {
        let names = to.map { "the " + $0.rawValue.replacingOccurrences(of: "-", with: " ") }
        guard names.count > 1 else { return names.first ?? "nobody" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
