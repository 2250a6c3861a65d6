import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation

/// `cdop case correct CASE FILE.json --reason R`: corrects the notification's details, FILE.json holding only
/// the fields to change, shaped as in the notification (`{"death": {"date": "2026-11-13"}}`).
struct CaseCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct a case's notification: only the fields in FILE.json change (\"-\" reads standard input).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Argument(help: "The fields to change, as JSON shaped like the notification.")
    var file: String

    @Option(help: "Why the notification is corrected.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let correction = try InputFile.decode(NotificationCorrection.self, from: file, what: "correction")
        let target = try CaseTarget(options, case: caseReference)
        let corrected = try target.engine.workflow.correctNotification(
            target.caseID, correction, reason: reason, by: options.actorForCommand)
        let fields = corrected?.changes.map(\.field).joined(separator: ", ") ?? "nothing"
        let duplicate = corrected?.possibleDuplicateOf.map { "; it may now be the same death as \($0.reference)" } ?? ""
        try target.report("Case \(target.reference): corrected \(fields)\(duplicate).", changed: corrected != nil)
    }
}

/// `cdop duplicate reopen CASE --reason R`: reopens a "different death" decision.
struct DuplicateReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a settled \"different death\" decision: the cases are linked again, to decide afresh.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case decided to be a different death (reference, id or prefix).")
    var caseReference: String

    @Option(help: "Why the decision is reopened.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        try target.execute(.reopenDuplicateDecision(reason: reason))
        let other = try target.state().possibleDuplicateOf.map(\.reference) ?? "the other case"
        try target.report("Case \(target.reference) is linked again to \(other) as a possible duplicate: decide again.")
    }
}
