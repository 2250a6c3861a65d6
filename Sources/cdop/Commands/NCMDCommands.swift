import ArgumentParser
import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop ncmd`: the case's national return to the National Child Mortality Database.
struct NCMDGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ncmd",
        abstract:
            "The national return: finalise its parts, reopen one, see what is not ready, make it, send it, list deliveries.",
        subcommands: [
            NCMDFinaliseCommand.self, NCMDReopenCommand.self, NCMDReadinessCommand.self, NCMDReturnCommand.self,
            NCMDSendCommand.self, NCMDDeliveriesCommand.self,
        ])
}

extension Engine {
    /// The forms in the definitions folder the engine was configured with.
    func formCatalog() throws -> FormCatalog {
        try DefinitionSet.load(from: URL(fileURLWithPath: configuration.definitionsPath)).get().forms
    }
}

extension Parse {
    /// "notification", "outcome" or a form request's id.
    static func returnPart(_ text: String) throws -> NationalReturnPart {
        guard let part = NationalReturnPart(text) else {
            throw ValidationError("not a part of the return; write notification, outcome or a form request's id.")
        }
        return part
    }
}

/// The case and the part of its return a finalise or reopen names.
struct NCMDPartOptions: ParsableArguments {
    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(
        help: "notification, outcome (the analysis form) or a returned form's request id.",
        transform: Parse.returnPart)
    var form: NationalReturnPart
}

/// `cdop ncmd finalise CASE --form notification|outcome|REQUEST-ID`.
struct NCMDFinaliseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalise",
        abstract: "Mark the notification, a returned form or the panel's outcome finalised for the national return.")

    @OptionGroup var options: GlobalOptions

    @OptionGroup var part: NCMDPartOptions

    func run() throws {
        let target = try CaseTarget(options, case: part.caseReference)
        let form = part.form
        try target.engine.workflow.finaliseNationalReturnPart(
            form, on: target.caseID, forms: target.engine.formCatalog(), by: options.actorForCommand)
        let what = CaseDecider.what(form, try target.state())
        try target.report("Case \(target.reference): \(what) finalised for the national return.")
    }
}

/// `cdop ncmd reopen CASE --form … --reason R`.
struct NCMDReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a finalised part of the national return, saying why.")

    @OptionGroup var options: GlobalOptions

    @OptionGroup var part: NCMDPartOptions

    @Option(help: "Why it is reopened.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let target = try CaseTarget(options, case: part.caseReference)
        let form = part.form
        try target.execute(.reopenNationalReturnPart(form, reason: reason))
        let what = CaseDecider.what(form, try target.state())
        try target.report(
            "Case \(target.reference): \(what) reopened: \(reason.trimmingCharacters(in: .whitespaces))")
    }
}

/// `cdop ncmd readiness [--year Y] [--json]`: the cases not ready for the national return, and why.
struct NCMDReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "List the cases not ready for the national return, with what each lacks and counts per reason.",
        discussion: """
            A reviewed case needs its notification, each returned form and the panel's outcome finalised; an open \
            case its notification. --year 2025 takes the deaths from 1 April 2025 to 31 March 2026.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The reporting year starting 1 April, e.g. 2025 for 2025-26 (default: every year).")
    var year: Int?

    struct Listing: Encodable {
        struct Case: Encodable {
            var caseId: String
            var reference: String
            var stage: String
            var dateOfDeath: String?
            var reasons: [NationalReturnView.Reason]
        }

        var from: String?
        var to: String?
        var notReady: Int
        /// Cases held back by each kind of reason.
        var counts: [String: Int]
        var cases: [Case]
    }

    func run() throws {
        let period = try year.map { year in
            do { return try Engine.nationalReturnPeriod(year) } catch { throw ValidationError("--year: \(error)") }
        }
        let engine = try options.engine()
        let forms = try engine.formCatalog()
        let listed = try engine.store.snapshot { db in
            try NationalReturnQueries.notReady(deathsFrom: period?.from, deathsTo: period?.to, in: db)
        }
        var cases: [Listing.Case] = []
        var kindsOfEachCase: [Set<NotReadyReason.Kind>] = []
        for row in listed {
            guard let caseID = CaseID(row.caseID) else { continue }
            let state = try engine.workflow.caseState(caseID)
            let readiness = NationalReturnCheck.readiness(state, forms: forms)
            kindsOfEachCase.append(Set(readiness.reasons.map(\.kind)))
            cases.append(
                Listing.Case(
                    caseId: row.caseID, reference: row.reference, stage: row.stage, dateOfDeath: row.dateOfDeath?.iso,
                    reasons: NationalReturnView(state, readiness: readiness).reasons))
        }
        let heldBack = NotReadyReason.Kind.casesHeldBack(kindsOfEachCase)
        let listing = Listing(
            from: period?.from.iso, to: period?.to.iso, notReady: cases.count,
            counts: Dictionary(uniqueKeysWithValues: heldBack.map { ($0.kind.rawValue, $0.cases) }), cases: cases)
        if options.json {
            print(Output.json(listing))
            return
        }
        let scope =
            period.map { " with deaths from \(DayFormatter.long($0.from)) to \(DayFormatter.long($0.to))" } ?? ""
        guard !cases.isEmpty else {
            print("Every case\(scope) is ready for the national return.")
            return
        }
        print("\(cases.count) case(s)\(scope) not ready for the national return.\n")
        print(
            TextTable.render(
                header: ["reason", "cases"],
                rows: heldBack.map { [$0.kind.label, "\($0.cases)"] }))
        print("")
        print(
            TextTable.render(
                header: ["case", "stage", "what the return lacks"],
                rows: cases.flatMap { item in
                    item.reasons.enumerated().map { index, reason in
                        index == 0 ? [item.reference, item.stage, reason.detail] : ["", "", reason.detail]
                    }
                }))
    }
}
