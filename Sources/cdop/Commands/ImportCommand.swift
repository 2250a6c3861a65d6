import ArgumentParser
import CDOPApp
import Foundation

/// `cdop import FILE.csv`: historic cases from a spreadsheet, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import historic cases from a spreadsheet saved as CSV (all rows or none).",
        discussion: """
            The first line names the columns (any order, any case). Every row is checked first; any problem is \
            reported by row (the heading is row 1) and column, and nothing is imported. Each row becomes a case \
            through the engine's own commands: notified, triaged, and when reviewed, listed at a panel meeting \
            of the review day with its outcome. No mail is sent and no chasing starts. Importing the same file \
            twice imports it once.

            Columns:
            \(HistoricColumns.help)
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The CSV file (UTF-8).")
    var file: String

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("FILE: cannot read \(file) as UTF-8 text.")
        }
        let engine = try Engine(configuration: try options.configuration())
        let importer = HistoricImport(workflow: engine.workflow, panel: engine.panel)
        let progress = ProgressLine("Importing", unit: "rows", json: options.json)
        let summary = try importer.run(text, by: options.actorForCommand) { done, total in progress.update(done, of: total) }
        progress.finish()
        if options.json {
            print(Output.json(summary))
        } else if summary.alreadyImported {
            print("This file was imported before: nothing new was written.")
        } else {
            print("Imported \(summary.cases) historic cases (\(summary.reviewed) reviewed) as \(summary.events) events.")
        }
    }
}
