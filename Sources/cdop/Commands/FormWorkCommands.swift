import ArgumentParser
import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import Foundation

/// `cdop form remind-now`: a reminder at once, outside the chasing schedule.
struct FormRemindNowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind-now", abstract: "Send a reminder for an outstanding request now (an email to its contact)."
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var arguments: RequestArguments

    func run() throws {
        let target = try CaseTarget(options, case: arguments.caseReference)
        let request = try target.request(arguments.request)
        try target.execute(.sendReminderNow(requestID: request.id))
        try target.report(
            "A reminder for the \(request.formType.label) from \(request.agencyName) for \(target.reference) is on its way.",
            request: request)
    }
}

/// `cdop form contact`: send an outstanding request to a new contact.
struct FormContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract:
            "Send an outstanding request to a new contact: a new link by email; the old link no longer opens the form.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var arguments: RequestArguments

    @Option(help: "The new contact's email address.", transform: Parse.nonEmpty)
    var email: String

    func run() throws {
        try arguments.take(
            { .changeFormContact(requestID: $0, contactEmail: email) },
            reporting: "goes to its new contact with a new link; the old link no longer opens the form", options)
    }
}

/// Answers given on the command line, checked against their form as the page and the API check them.
enum FormAnswerCheck {
    /// The answers to record (text trimmed, hidden fields dropped), or every wrong field named.
    static func checked(
        _ answers: FormAnswers, against reference: FormDefinitionReference, target: CaseTarget
    ) throws -> FormAnswers {
        let configuration = target.engine.configuration
        let definitions = try DefinitionSet.load(from: URL(fileURLWithPath: configuration.definitionsPath)).get()
        guard let form = definitions.forms.definition(reference) else {
            throw InputFile.Problem(
                description: "--definition: there is no form \(reference.id) version \(reference.version).")
        }
        switch form.validate(
            answers: answers, today: LondonTime.day(of: target.engine.workflow.handler.clock.now()), mode: .submit)
        {
        case .valid(let cleaned):
            return cleaned
        case .invalid(let errors, _):
            throw InputFile.Problem(
                description: "The answers do not fit the \(form.title) (\(form.id) version \(form.version)):\n"
                    + errors.map { "  \($0.path) (\($0.label)): \($0.message)" }.joined(separator: "\n"))
        }
    }
}
