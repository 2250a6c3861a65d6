import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop duplicate ...`: settle a case linked to an earlier notification of possibly the same death.
struct DuplicateGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicate", abstract: "Confirm or reject a possible duplicate notification.",
        subcommands: [DuplicateConfirmCommand.self, DuplicateRejectCommand.self, DuplicateReopenCommand.self])
}

struct DuplicateConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm CASE is the same death as --primary: CASE ends and the primary takes in what it knew.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The duplicate case (reference, id or prefix); it is closed to every command afterwards.")
    var caseReference: String

    @Option(help: "The case that carries on (reference, id or prefix).")
    var primary: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let primaryID = try target.engine.resolveCase(primary)
        try target.engine.workflow.confirmDuplicate(target.caseID, of: primaryID, by: options.actorForCommand)
        let primaryReference = primaryID.reference
        try target.report(
            "Case \(target.reference) confirmed as a duplicate of \(primaryReference) and merged into it; "
                + "work on \(primaryReference) from now on."
        ) {
            $0.primaryCaseId = primaryID.description
            $0.primaryReference = primaryReference
        }
    }
}

struct DuplicateRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Clear a possible-duplicate link: the two cases are different deaths.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case linked as a possible duplicate (reference, id or prefix).")
    var caseReference: String

    @Option(help: "Why they are different deaths.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let before = try target.state()
        let events = try target.execute(.rejectPossibleDuplicate(reason: reason))
        let other = before.possibleDuplicateOf.map(\.reference) ?? "the other case"
        try target.report(
            "Case \(target.reference) is no longer linked to \(other): a different death.", changed: !events.isEmpty)
    }
}
