import ArgumentParser
import CDOPApp
import CDOPDefinitions
import CDOPDomain
import Foundation

/// `cdop check-definitions`: load every workflow and form file and name every problem, with file, line, key and reason.
struct CheckDefinitionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-definitions",
        abstract:
            "Check the definitions: Workflows/ (schedules, the bank-holiday calendar, email templates) and Forms/.",
        discussion: "Exits 1 naming every problem; the server refuses to start while any remains.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "The folder holding Workflows/ and Forms/ (default: $CDOP_DEFINITIONS, else the working directory).")
    var definitions: String?

    struct Summary: Encodable {
        var folder: String
        var schedules: [String]
        var calendar: String
        var calendarYears: String
        var templates: [String]
        var forms: [String]
        var archivedForms: [String]
    }

    struct ProblemLine: Encodable {
        var file: String
        var line: Int?
        var keyPath: String
        var reason: String
    }

    func run() throws {
        var configuration = try options.configuration()
        if let definitions { configuration.definitionsPath = definitions }
        let folder = URL(fileURLWithPath: configuration.definitionsPath).standardizedFileURL.path
        switch DefinitionSet.load(from: URL(fileURLWithPath: configuration.definitionsPath)) {
        case .success(let set):
            let summary = Summary(
                folder: folder,
                schedules: (set.schedules.values.map { ($0.id, $0.version) }
                    + (set.nationalReturnReminders.map { [($0.id, $0.version)] } ?? []))
                    .sorted { $0.0 < $1.0 }.map { "\($0.0) v\($0.1)" },
                calendar: set.calendar.name,
                calendarYears: "\(set.calendar.years.lowerBound)–\(set.calendar.years.upperBound)",
                templates: set.templates.keys.sorted(),
                forms: set.forms.all.map { "\($0.id) v\($0.version)" },
                archivedForms: set.forms.archived.map { "\($0.id) v\($0.version)" })
            if options.json {
                print(Output.json(summary))
            } else {
                print("The definitions in \(folder) are valid.")
                print("schedules  \(summary.schedules.joined(separator: ", "))")
                print("calendar   \(summary.calendar), \(summary.calendarYears)")
                print("templates  \(summary.templates.joined(separator: ", "))")
                print("forms      \(summary.forms.joined(separator: ", "))")
                if !summary.archivedForms.isEmpty {
                    print("archived   \(summary.archivedForms.joined(separator: ", "))")
                }
            }
        case .failure(let problems):
            if options.json {
                print(
                    Output.json(
                        problems.problems.map {
                            ProblemLine(file: $0.file, line: $0.line, keyPath: $0.keyPath, reason: $0.reason)
                        }))
            } else {
                Output.error(
                    "\(problems.problems.count) problem\(problems.problems.count == 1 ? "" : "s") in the definitions in \(folder):"
                )
                for problem in problems.problems {
                    FileHandle.standardError.write(Data("  \(problem)\n".utf8))
                }
            }
            throw ExitCode(1)
        }
    }
}
