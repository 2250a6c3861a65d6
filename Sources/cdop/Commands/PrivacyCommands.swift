import ArgumentParser
import CDOPApp
import CDOPDomain
import Foundation

/// `cdop privacy ...`: the rights of the people a case names.
struct PrivacyGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy", abstract: "Erase a person's personal data in a case.",
        subcommands: [PrivacyEraseCommand.self])
}

/// `cdop privacy erase CASE/ROLE --reason R`: deletes the person's key; their fields read "erased" everywhere.
struct PrivacyEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase one person's personal data in a case, for good: their key is deleted.",
        discussion: """
            SUBJECT is the case (reference, id or prefix), a slash, and the person's role in it: child, notifier, \
            family, professional-N (the N-th professional the notification names), author-REQUEST or \
            contact-REQUEST (a form request's id). Every page, export and report then shows "erased" for that \
            person's fields; the case still counts in every statistic. It cannot be undone, and backups taken \
            before it still hold the key: take a new backup and retire the older ones.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "CASE/ROLE, e.g. CDOP-2026-0001/child.")
    var subject: String

    @Option(help: "Why: the retention policy or the request it follows (never the person's details).")
    var reason: String

    func run() throws {
        guard let slash = subject.firstIndex(of: "/") else {
            throw PersonalDataErasure.Problem.malformedSubject(subject)
        }
        let target = try CaseTarget(options, case: String(subject[..<slash]))
        let role = String(subject[subject.index(after: slash)...])
        let report = try PersonalDataErasure(engine: target.engine).erase(
            caseID: target.caseID, role: role, reason: reason, by: options.actorForCommand, now: Date())
        let who = SubjectErased.describe(role)
        let held = report.logTruncated ? "" : " A reader held the database's log: run it again to empty it."
        try target.report(
            report.keyDeleted
                ? "Erased the personal data of \(who) in case \(target.reference)." + held
                : "Case \(target.reference) held no personal data of \(who); recorded as erased, so none will be kept."
                    + held,
            changed: !report.alreadyErased)
    }
}
