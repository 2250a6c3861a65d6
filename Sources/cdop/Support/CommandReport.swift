import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation

/// What a command that changes something prints: one line of text, or with --json an object with the ids.
struct CommandReport: Encodable {
    /// The line a person reads, e.g. "Form B requested from Northgate Surgery for CDOP-1A2B3C4D, due 7 Dec 2026."
    var message: String
    /// False when the command was accepted but changed nothing (it had been done already).
    var changed = true
    var caseId: String?
    var reference: String?
    /// The case's stage after the command.
    var stage: String?
    var requestId: String?
    var agencyId: String?
    var meetingId: String?
    var actionId: String?
    var primaryCaseId: String?
    var primaryReference: String?
}

extension GlobalOptions {
    /// Prints the report as text or JSON.
    func print(_ report: CommandReport) {
        Swift.print(json ? Output.json(report) : report.message)
    }
}

/// One case a command acts on: the engine, the resolved case, and how to report on it.
struct CaseTarget {
    let options: GlobalOptions
    let engine: Engine
    let caseID: CaseID

    /// Opens the engine and resolves the case reference (CDOP-1A2B3C4D, id or prefix).
    init(_ options: GlobalOptions, case text: String) throws {
        self.options = options
        engine = try options.engine()
        caseID = try engine.resolveCase(text)
    }

    var reference: String { caseID.reference }

    func state() throws -> CaseState { try engine.workflow.caseState(caseID) }

    /// Runs a case command as the acting user; returns its events (none: nothing changed).
    @discardableResult
    func execute(_ command: CaseCommand) throws -> [CaseEvent] {
        try engine.workflow.execute(command, on: caseID, by: options.actorForCommand)
    }

    /// Prints what happened, with the case's ids and stage; `changed` false says the step was already recorded.
    func report(_ message: String, changed: Bool = true, fill: (inout CommandReport) -> Void = { _ in }) throws {
        let stage = try state().stage?.name
        var report = CommandReport(
            message: changed ? message : "Nothing changed on \(reference): this was already recorded.",
            changed: changed, caseId: caseID.description, reference: reference, stage: stage)
        fill(&report)
        options.print(report)
    }
}
