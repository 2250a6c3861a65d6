import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation

/// `cdop access ...`: the access log kept on the staff accounts' streams.
struct AccessGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "Read the access log: case views, refusals and sign-ins.",
        subcommands: [AccessLogCommand.self])
}

/// `cdop access log`: the same entries as the administrators' page /admin/access-log, newest first.
struct AccessLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show who viewed which case, who was refused what, and who signed in, newest first.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Only this account (its username or id).")
    var user: String?

    @Option(name: .customLong("case"), help: "Only this case (its reference, id or an unambiguous prefix).")
    var caseReference: String?

    @Option(help: "From the start of this day in England (YYYY-MM-DD).", transform: Parse.day)
    var since: CalendarDate?

    @Option(help: "At most this many entries (1 to 10000; the rest are counted).")
    var limit: Int = 200

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit: \(limit) is not from 1 to 10000.") }
    }

    func run() throws {
        let log = AccessLog(engine: try options.engine())
        let page = try log.search(
            user: user, case: caseReference, since: since, limit: limit)
        if options.json {
            print(Output.json(page))
            return
        }
        guard !page.entries.isEmpty else {
            print("Nothing matches.")
            return
        }
        print(
            TextTable.render(
                header: ["when", "who", "what", "case"],
                rows: page.entries.map {
                    [DayFormatter.dayAndTime($0.at), $0.username, $0.what, $0.caseReference ?? ""]
                }))
        if page.more > 0 { print("And \(page.more) more (narrow with --user, --case or --since, or raise --limit).") }
    }
}
