import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop form ...`: reporting (Form B) and supplementary form requests, from request to return.
struct FormGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form", abstract: "Request, chase and record the agencies' reporting and supplementary forms.",
        discussion:
            "A REQUEST is the request's id or an unambiguous prefix of it within the case (see `cdop case show`).",
        subcommands: [
            FormRequestCommand.self, FormListCommand.self, FormRemindCommand.self, FormEscalateCommand.self,
            FormReturnCommand.self, FormDeclineCommand.self, FormWithdrawCommand.self, FormWaiveCommand.self,
            FormRemindNowCommand.self, FormContactCommand.self,
        ])
}

struct FormRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Ask an involved agency for a form, due on a day; reminders follow the chasing schedule.",
        discussion: "Form types: \(FormType.valueList). Reporting forms follow the form-b-chasing "
            + "schedule (version 1), the others supplementary-chasing (version 1).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The agency (id, id prefix or exact name); it must be recorded as involved with the child.")
    var agency: String

    @Option(help: "The form: \(FormType.valueList).")
    var type: FormType = .reporting

    @Option(help: "Who receives the request (default: the agency's contact for this case, else its lead contact).")
    var email: String?

    @Option(help: "The day the form is due (YYYY-MM-DD).", transform: Parse.day)
    var due: CalendarDate

    func validate() throws {
        if let email, (try? EmailAddress.validated(email, field: "")) == nil {
            throw ValidationError("--email: \"\(email)\" is not a valid email address.")
        }
    }

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let formType = type
        let dueDate = due
        let agencyID = try target.engine.resolveAgency(agency)
        let state = try target.state()
        var contact = email ?? state.involvement(of: agencyID)?.contactEmail
        if contact == nil { contact = try target.engine.workflow.agencyState(agencyID).leadContacts.first?.email }
        guard let contact else {
            throw ValidationError("--email: no contact email is known for this agency; give one.")
        }
        let requestID = FormRequestID(UUID())
        try target.execute(
            .requestForm(
                requestID: requestID, agencyID: agencyID, formType: formType, contactEmail: contact, dueDate: dueDate,
                schedule: ChasingSchedule.reference(for: formType)))
        let request = try target.state().request(requestID)
        let form = formType.label.capitalisedFirst
        try target.report(
            "\(form) requested from \(request?.agencyName ?? agency) for \(target.reference), due "
                + "\(DayFormatter.short(dueDate)) (request \(requestID.description.prefix(8)))."
        ) {
            $0.requestId = requestID.description
            $0.agencyId = agencyID.description
        }
    }
}

struct FormListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List form requests, soonest due first.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .customLong("case"), help: "Only this case's requests (reference, id or prefix).")
    var caseReference: String?

    @Flag(help: "Only requests still awaited.")
    var outstanding = false

    func run() throws {
        let engine = try options.engine()
        let caseID = try caseReference.map { try engine.resolveCase($0) }
        let rows = try engine.store.snapshot { db in
            try FormRequestQueries.list(caseID: caseID, outstandingOnly: outstanding, in: db)
        }
        if options.json {
            print(Output.json(rows))
            return
        }
        if rows.isEmpty {
            print(outstanding ? "No outstanding form requests." : "No form requests.")
            return
        }
        print(
            TextTable.render(
                header: ["request", "case", "agency", "form", "due", "status"],
                rows: rows.map {
                    [
                        String($0.requestId.prefix(8)), $0.reference, $0.agencyName,
                        FormType(rawValue: $0.formType)?.label ?? $0.formType, $0.dueDate, $0.status,
                    ]
                }))
    }
}

/// The options of a command on one request of one case.
struct RequestArguments: ParsableArguments {
    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Argument(help: "The request: its id or an unambiguous prefix within the case.")
    var request: String

    /// Takes one step on the request (`step` made from its id) and reports the request as `done` ("withdrawn").
    func take(_ step: (FormRequestID) -> CaseCommand, reporting done: String, _ options: GlobalOptions) throws {
        let target = try CaseTarget(options, case: caseReference)
        let request = try target.request(request)
        try target.execute(step(request.id))
        try target.report(
            "The \(request.formType.label) request to \(request.agencyName) for \(target.reference) \(done).",
            request: request)
    }
}

extension CaseTarget {
    /// The request a person means on this case.
    func request(_ text: String) throws -> FormRequest { try state().resolveRequest(text) }

    /// Reports on a request.
    func report(_ message: String, request: FormRequest, changed: Bool = true) throws {
        try report(message, changed: changed) {
            $0.requestId = request.id.description
            $0.agencyId = request.agencyID.description
        }
    }
}

struct FormRemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Record a reminder for an outstanding request (each step once).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var arguments: RequestArguments

    @Option(help: "The reminder's step in the schedule (1, 2, …).")
    var step: Int

    @Option(help: "\(ReminderKind.valueList).")
    var kind: ReminderKind = .reminder

    func validate() throws {
        guard step >= 1 else { throw ValidationError("--step: \(step) must be 1 or more.") }
    }

    func run() throws {
        let target = try CaseTarget(options, case: arguments.caseReference)
        let request = try target.request(arguments.request)
        let events = try target.execute(.issueReminder(requestID: request.id, step: step, kind: kind))
        try target.report(
            "\(kind.label) (step \(step)) recorded for the \(request.formType.label) from \(request.agencyName) "
                + "for \(target.reference).",
            request: request, changed: !events.isEmpty)
    }
}

struct FormEscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate", abstract: "Escalate an overdue request.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var arguments: RequestArguments

    @Option(help: "Who is told: \(EscalationLevel.valueList).")
    var level: EscalationLevel

    func run() throws {
        let target = try CaseTarget(options, case: arguments.caseReference)
        let request = try target.request(arguments.request)
        let events = try target.execute(.escalate(requestID: request.id, level: level))
        try target.report(
            "The \(request.formType.label) from \(request.agencyName) for \(target.reference) escalated to \(level.label).",
            request: request, changed: !events.isEmpty)
    }
}

struct FormReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return", abstract: "Record an agency's returned form, with its answers from a JSON file.",
        discussion: """
            The answers file is an object keyed by field id; each answer is an object with exactly one of: \
            "text", "number", "date" (YYYY-MM-DD), "choice", "multiple" (a list of text), "yesNo" (yes, no, \
            notKnown) or "groups" (a list of objects of answers).
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var arguments: RequestArguments

    @Option(help: "The answers as JSON (- for standard input).")
    var answers: String

    @Option(help: "The form definition answered, ID@VERSION (e.g. reporting@1).", transform: Parse.definition)
    var definition: FormDefinitionReference

    @Option(help: "Who returned it.", transform: Parse.nonEmpty)
    var submittedBy: String

    func run() throws {
        let given = try InputFile.decode(FormAnswers.self, from: answers, what: "answers")
        let target = try CaseTarget(options, case: arguments.caseReference)
        let request = try target.request(arguments.request)
        // The same check as the practitioner's page and the API: every wrong field is named.
        let answers = try FormAnswerCheck.checked(given, against: definition, target: target)
        try target.execute(
            .recordFormReturned(
                requestID: request.id, definition: definition, answers: answers, submittedBy: submittedBy))
        try target.report(
            "The \(request.formType.label) from \(request.agencyName) for \(target.reference) recorded as returned "
                + "(\(answers.count) answers, \(definition.id) version \(definition.version)).",
            request: request)
    }
}

struct FormDeclineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline", abstract: "Record an agency's \"no information held\".")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var arguments: RequestArguments

    @Option(help: "Who declared it.", transform: Parse.nonEmpty)
    var declaredBy: String

    @Option(help: "Why the agency declines, e.g. \"The agency did not know the child\" (optional).")
    var reason: String?

    func run() throws {
        let target = try CaseTarget(options, case: arguments.caseReference)
        let request = try target.request(arguments.request)
        if let reason {
            try target.execute(.recordDecline(requestID: request.id, reason: reason, declaredBy: declaredBy))
        } else {
            try target.execute(.recordNoInformationHeld(requestID: request.id, declaredBy: declaredBy))
        }
        try target.report(
            "\(request.agencyName) holds no information for \(target.reference): the \(request.formType.label) request is closed.",
            request: request)
    }
}

struct FormWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Withdraw a request (its link stops working).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var arguments: RequestArguments

    @Option(help: "Why it is withdrawn.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        try arguments.take({ .withdrawFormRequest(requestID: $0, reason: reason) }, reporting: "withdrawn", options)
    }
}

struct FormWaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive", abstract: "Stop waiting for an outstanding request (a late return is still accepted).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var arguments: RequestArguments

    @Option(help: "Why the panel no longer waits for it.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        try arguments.take({ .waiveFormRequest(requestID: $0, reason: reason) }, reporting: "waived", options)
    }
}
