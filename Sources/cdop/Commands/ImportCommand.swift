import ArgumentParser
import CDOPApp
import Foundation

/// `cdop import FILE.csv`: historic cases from a spreadsheet, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import historic cases from a spreadsheet saved as CSV (all rows or none).",
        discussion: """
            The first line names the columns (any order, any case). Every row is checked first, against the \
            file's format, the engine's rules and the cases already recorded, and every problem of every row is \
            reported at once, by row (the heading is row 1) and column; then nothing is imported. A child given \
            twice in the file (the same NHS number, or the same name, date of birth and date of death), or a \
            reference given twice, is a problem naming both rows. A child matching a case already recorded is \
            imported and flagged as a possible duplicate, as a notification is, for the coordinator to confirm or \
            reject. Each row becomes a case through the engine's own commands: notified, its reference kept (a \
            CASE argument accepts it, e.g. `cdop case show B11-001`), triaged, and when reviewed, listed at a \
            panel meeting of the review day with its outcome. No mail is sent and no chasing starts. Rows are \
            written in batches after the whole file has passed its check; importing the same file twice imports \
            it once, and importing it again after an interrupted write finishes it.

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
        let checking = ProgressLine("Checking", unit: "rows", json: options.json)
        let writing = ProgressLine("Importing", unit: "rows", json: options.json)
        let summary: HistoricImport.Summary
        do {
            summary = try importer.run(text, by: options.actorForCommand) { phase, done, total in
                switch phase {
                case .checking: checking.update(done, of: total)
                case .writing:
                    checking.finish()
                    writing.update(done, of: total)
                }
            }
        } catch {
            checking.finish()
            writing.finish()
            throw error
        }
        checking.finish()
        writing.finish()
        if options.json {
            print(Output.json(summary))
        } else if summary.alreadyImported {
            print("This file was imported before: nothing new was written.")
        } else {
            print(
                "Imported \(summary.cases) historic cases (\(summary.reviewed) reviewed) as \(summary.events) events."
                    + (summary.possibleDuplicates == 0
                        ? ""
                        : " \(summary.possibleDuplicates) may be the same death as a case already recorded: "
                            + "see the possible duplicates (`cdop case list`) to confirm or reject each."))
        }
    }
}
