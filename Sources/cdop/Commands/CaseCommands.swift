import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop case ...`: list and inspect cases.
struct CaseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "List, show and act on cases.",
        subcommands: [
            CaseListCommand.self, CaseShowCommand.self, CaseInvolveCommand.self, CaseOutOfScopeCommand.self,
            CaseTransferCommand.self, CaseReferCSPRCommand.self, CaseNCMDCommand.self, CaseCloseCommand.self,
            CaseReopenCommand.self, CaseCorrectCommand.self,
        ])
}

struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, newest first.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Only cases at this stage (e.g. notified, informationGathering, readyForPanel, closed).")
    var stage: String?

    @Option(help: "Only cases of this area code.")
    var area: String?

    func run() throws {
        let engine = try options.engine()
        let cases = try engine.store.snapshot { db in try CaseQueries.list(stage: stage, areaCode: area, in: db) }
        if options.json {
            print(Output.json(cases))
            return
        }
        if cases.isEmpty {
            print("No cases.")
            return
        }
        let rows = cases.map { summary in
            [
                summary.reference, summary.stage, summary.areaCode ?? "-", summary.dateOfDeath,
                summary.expectation ?? "-", "\(summary.outstandingRequests)",
                summary.duplicateOf.map { "duplicate of \(CaseID($0)!.reference)" }
                    ?? summary.possibleDuplicateOf.map { "possible duplicate of \(CaseID($0)!.reference)" } ?? "",
            ]
        }
        print(
            TextTable.render(header: ["case", "stage", "area", "death", "expected", "forms due", "note"], rows: rows))
    }
}

struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case's state and its timeline: what happened, when, and who.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case: its reference (CDOP-1A2B3C4D), id, or an unambiguous prefix.")
    var caseReference: String

    func run() throws {
        let engine = try options.engine()
        let caseID = try engine.resolveCase(caseReference)
        let state = try engine.workflow.caseState(caseID)
        let timeline = try CaseTimeline.entries(of: caseID, in: engine.store)
        let view = CaseView(
            caseID: caseID, state: state, timeline: timeline, panel: engine.panel, forms: try? engine.formCatalog())
        print(options.json ? Output.json(view) : view.text)
    }
}
