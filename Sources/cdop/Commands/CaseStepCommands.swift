import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop case involve`: record an agency of the directory as involved with the child.
struct CaseInvolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "involve",
        abstract: "Record an agency from the directory as involved with the child (it can then be sent forms).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The agency: its id, an id prefix, or its exact name.")
    var agency: String

    @Option(help: "The person to contact about this child (default: the agency's lead contact).")
    var contactName: String?

    @Option(help: "Their email (default: the agency's lead contact's).")
    var contactEmail: String?

    func validate() throws {
        if let contactEmail, (try? EmailAddress.validated(contactEmail, field: "")) == nil {
            throw ValidationError("--contact-email: \"\(contactEmail)\" is not a valid email address.")
        }
    }

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let agencyID = try target.engine.resolveAgency(agency)
        let entry = try target.engine.workflow.agencyState(agencyID)
        guard entry.exists else { throw CommandError.notFound(kind: "agency", reference: agency) }
        if let retired = entry.retiredAt {
            throw DomainError(
                code: "agency.retired", "\(entry.name) was retired from the directory on \(DayFormatter.long(retired))."
            )
        }
        let lead = entry.leadContacts.first
        let involvement = AgencyInvolvement(
            agencyID: agencyID, agencyName: entry.name, kind: entry.kind,
            contactName: contactName ?? (contactEmail == nil ? lead?.name : nil),
            contactEmail: contactEmail ?? lead?.email)
        try target.execute(.recordAgencyInvolved(involvement))
        let contact = involvement.contactEmail.map { ", contact \(involvement.contactName ?? $0) <\($0)>" } ?? ""
        try target.report("\(entry.name) recorded as involved with \(target.reference)\(contact).") {
            $0.agencyId = agencyID.description
        }
    }
}

/// `cdop case out-of-scope`: the death is recorded but not reviewed by this panel.
struct CaseOutOfScopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "out-of-scope", abstract: "Record the death as outside the panel's reviews (it stays on record).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "Why: \(OutOfScopeReason.valueList).")
    var reason: OutOfScopeReason

    @Option(help: "The detail, in the coordinator's words.", transform: Parse.nonEmpty)
    var detail: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let events = try target.execute(.recordOutOfScope(reason: reason, detail: detail))
        try target.report(
            "Case \(target.reference) recorded as out of scope (\(reason.label)).", changed: !events.isEmpty)
    }
}

/// `cdop case transfer`: hand the case to the panel of the child's area.
struct CaseTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Hand the case to another panel; it keeps its history but leaves this panel's figures.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The panel taking the case.", transform: Parse.nonEmpty)
    var toPanel: String

    @Option(help: "Why it is transferred.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let events = try target.execute(.transfer(toPanel: toPanel, reason: reason))
        try target.report("Case \(target.reference) transferred to \(toPanel).", changed: !events.isEmpty)
    }
}

/// `cdop case refer-cspr`: refer for a child safeguarding practice review.
struct CaseReferCSPRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer-cspr", abstract: "Refer the case for a child safeguarding practice review.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "Why the case is referred.", transform: Parse.nonEmpty)
    var reason: String

    @Option(help: "The day of the referral (YYYY-MM-DD).", transform: Parse.day)
    var on: CalendarDate

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let day = on
        try target.execute(.referForSafeguardingPracticeReview(reason: reason, referredOn: day))
        try target.report(
            "Case \(target.reference) referred for a child safeguarding practice review on \(DayFormatter.long(day)).")
    }
}

/// `cdop case ncmd`: record the submission to the National Child Mortality Database.
struct CaseNCMDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ncmd", abstract: "Record the reviewed case's submission to the National Child Mortality Database."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The NCMD's reference for the submission.")
    var reference: String = ""

    @Option(help: "The day it was submitted (YYYY-MM-DD).", transform: Parse.day)
    var on: CalendarDate

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let day = on
        try target.execute(.recordNCMDSubmission(reference: reference, submittedOn: day))
        let ref = reference.trimmingCharacters(in: .whitespaces)
        try target.report(
            "Case \(target.reference) submitted to the National Child Mortality Database on \(DayFormatter.long(day))"
                + (ref.isEmpty ? "." : " (reference \(ref))."))
    }
}

/// `cdop case close`.
struct CaseCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a case reviewed by the panel and submitted to the NCMD.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "Why the case is closed (for example, \"Review complete and submitted\").")
    var reason: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        try target.execute(.close(reason: reason))
        let open = try target.state().recommendations.filter(\.isOpen).count
        try target.report(
            "Case \(target.reference) closed"
                + (open == 0 ? "." : "; \(open) action(s) still open are tracked until completed."))
    }
}

/// `cdop case reopen`.
struct CaseReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a closed case; its outcome is set aside until the panel reviews it again.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "Why it is reopened.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        try target.execute(.reopen(reason: reason))
        try target.report("Case \(target.reference) reopened: \(reason.trimmingCharacters(in: .whitespaces))")
    }
}
