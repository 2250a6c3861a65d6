import ArgumentParser
import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPReports
import Foundation

/// `cdop report`: the panel's published analyses.
struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The panel's annual analysis.", subcommands: [AnnualReportCommand.self])
}

/// `cdop report annual`: the annual report for a reporting year or any range of days, as HTML, CSV or JSON.
struct AnnualReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual",
        abstract: "Write the annual report (HTML with charts, a CSV per table, or JSON) into a folder.",
        discussion: """
            The reporting year runs from 1 April to 31 March: --year 2025 is 1 April 2025 to 31 March 2026. Use \
            --from and --to for any other range. Without --suppress the report is the internal version with every \
            number; with --suppress N counts from 1 to N-1 are hidden (with enough others that they cannot be worked \
            out from the totals), for publication. Any totals that do not agree are listed, never hidden.
            """)

    enum Format: String, CaseIterable, ChoiceArgument {
        case html, csv, json
    }

    @OptionGroup var options: GlobalOptions

    @Option(help: "The reporting year starting 1 April, e.g. 2025 for 2025-26.")
    var year: Int?

    @Option(help: "The first day of a custom period (YYYY-MM-DD); needs --to.", transform: Parse.day)
    var from: CalendarDate?

    @Option(help: "The last day of a custom period (YYYY-MM-DD); needs --from.", transform: Parse.day)
    var to: CalendarDate?

    @Option(help: "html (one self-contained file, printable on A4), csv (a file per table) or json.")
    var format: Format = .html

    @Option(help: "The folder to write into (created if missing).")
    var out: String = "."

    @Option(help: "Hide counts below this number for publication (2 to 100).")
    var suppress: Int?

    @Option(help: "The mark shown for a hidden number (with --suppress).")
    var mark: String = "*"

    func validate() throws {
        _ = try period()
        _ = try policy()
    }

    func period() throws -> ReportPeriod {
        switch (year, from, to) {
        case (let year?, nil, nil):
            do { return try ReportPeriod.reportingYear(year) } catch { throw ValidationError("--year: \(error)") }
        case (nil, let from?, let to?):
            do { return try ReportPeriod(from: from, to: to) } catch { throw ValidationError("--from/--to: \(error)") }
        case (_?, _, _):
            throw ValidationError("--year: give either --year or --from and --to, not both.")
        case (nil, _?, nil):
            throw ValidationError("--to: a period starting with --from needs --to as well.")
        case (nil, nil, _?):
            throw ValidationError("--from: a period ending with --to needs --from as well.")
        case (nil, nil, nil):
            throw ValidationError("--year: say which year to report on, e.g. --year 2025 (or --from and --to).")
        }
    }

    func policy() throws -> SuppressionPolicy? {
        guard let suppress else { return nil }
        do { return try SuppressionPolicy(threshold: suppress, mark: mark) } catch {
            throw ValidationError("--suppress: \(error)")
        }
    }

    func run() throws {
        let configuration = try options.configuration()
        let engine = try Engine(configuration: configuration)
        let definitions = try DefinitionSet.load(from: URL(fileURLWithPath: configuration.definitionsPath)).get()
        let query = AnnualReportQuery(
            panel: engine.panel, period: try period(), suppression: try policy(), themes: definitions.learningThemes)
        let report = try query.run(on: engine.store, asAt: LondonTime.day(of: SystemClock().now()))
        let written = try ReportFiles.write(report, format: format.rawValue, into: out)
        for mismatch in report.mismatches {
            Output.error("Totals do not agree: \(mismatch.sentence)")
        }
        if options.json {
            print(
                Output.json(ReportFiles.Summary(files: written, period: report.period, mismatches: report.mismatches)))
        } else {
            print(
                "Wrote the annual report for \(report.period.label)"
                    + (report.suppression == nil
                        ? " (internal: every number shown)" : " (published: small numbers hidden)") + ":")
            for file in written { print("  \(file)") }
        }
    }
}
