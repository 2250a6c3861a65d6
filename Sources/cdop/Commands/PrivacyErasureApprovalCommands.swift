import ArgumentParser
import CDOPApp
import CDOPDomain
import Foundation

/// `cdop privacy request-erasure CASE [--role R]... --reason R`: the first of the two approvals an erasure needs.
struct PrivacyRequestErasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request-erasure",
        abstract: "Ask for the erasure of people a case names; a second person must approve it.",
        discussion: """
            Without --role, everyone the case holds personal data of is to be erased. Asking counts as your \
            approval; nothing is erased until a different person runs `cdop privacy approve-erasure`.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "A role to erase (child, notifier, family, parent-N, ...); repeat it, or leave it out for everyone.")
    var role: [String] = []

    @Option(help: "Why: the retention policy or the request it follows (never the person's details).")
    var reason: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        try ErasureApprovals(engine: target.engine).request(
            caseID: target.caseID, roles: role, reason: reason, by: options.actorForCommand)
        try target.report(
            "Asked for the erasure of \(ErasureRequested.describe(role)) in case \(target.reference); a second person must approve it.",
            changed: true)
    }
}

/// `cdop privacy approve-erasure CASE`: an approval; the second different person's carries the erasure out.
struct PrivacyApproveErasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve-erasure",
        abstract: "Approve the erasure asked for on a case; at the second person's approval it is carried out.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let outcome = try ErasureApprovals(engine: target.engine).approve(
            caseID: target.caseID, by: options.actorForCommand, now: Date())
        try target.report(
            outcome.erased.isEmpty
                ? "Approved the erasure in case \(target.reference): \(outcome.approvals) of 2 approvals; a second person must approve it."
                : "Approved and carried out the erasure in case \(target.reference): erased \(ErasureRequested.describe(outcome.erased)).",
            changed: true)
    }
}

/// `cdop privacy decline-erasure CASE --reason R`.
struct PrivacyDeclineErasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline-erasure", abstract: "Decline the erasure asked for on a case, saying why.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "Why it is not to be erased now (for example, proceedings need the records).")
    var reason: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        try ErasureApprovals(engine: target.engine).decline(
            caseID: target.caseID, reason: reason, by: options.actorForCommand)
        try target.report("Declined the erasure asked for in case \(target.reference).", changed: true)
    }
}
