import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop notify FILE.json`: a professional reports a child's death.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Record the notification of a child's death from a JSON file (- for standard input).",
        discussion:
            "The format is described in the README; Tests/cdopTests/Fixtures/notification.example.json is a valid example."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The notification as JSON, or - to read standard input.")
    var file: String

    func run() throws {
        let notification = try InputFile.decode(DeathNotification.self, from: file, what: "notification")
        let engine = try options.engine()
        let notified = try engine.workflow.notify(notification, by: options.actorForCommand)
        let reference = notified.caseID.reference
        let duplicateReference = notified.possibleDuplicateOf.map(\.reference)
        if options.json {
            print(
                Output.json(
                    NotifyResult(
                        caseId: notified.caseID.description, reference: reference,
                        possibleDuplicateOf: notified.possibleDuplicateOf?.description,
                        possibleDuplicateReference: duplicateReference)))
            return
        }
        print("Case \(reference) opened (\(notified.caseID)).")
        if let duplicateReference, let duplicate = notified.possibleDuplicateOf {
            print(
                "It is a possible duplicate of \(duplicateReference) (\(duplicate)), notified earlier: confirm with "
                    + "`cdop duplicate confirm \(reference) --primary \(duplicateReference)` or reject with "
                    + "`cdop duplicate reject \(reference) --reason ...`.")
        }
    }

    struct NotifyResult: Encodable {
        var caseId: String
        var reference: String
        var possibleDuplicateOf: String?
        var possibleDuplicateReference: String?
    }
}
