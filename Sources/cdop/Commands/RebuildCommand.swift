import ArgumentParser
import CDOPApp
import CDOPStore
import Foundation

/// `cdop rebuild`: replay every event into fresh read models and compare them with the live ones.
struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Replay every event into fresh read models and report any difference from the live ones.",
        discussion: "It never sends mail and never changes the live tables. Exits 1 when a difference is found.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let engine = try options.engine()
        let total = try engine.store.eventCount()
        let progress = ProgressLine("Replaying", unit: "events", json: options.json)
        let report = try ReadModelRebuild(store: engine.store, scratchBeside: engine.configuration.keysPath).run {
            done in
            progress.update(done, of: total)
        }
        progress.finish()
        if options.json {
            print(Output.json(report))
        } else if report.isClean {
            print("Rebuilt \(report.streams) streams from \(report.events) events: every read model matches.")
            print(
                String(
                    format: "Replayed in %.2f s, wrote the rebuilt tables in %.2f s, compared them in %.2f s.",
                    report.seconds.replay, report.seconds.write, report.seconds.compare))
        } else {
            print("Rebuilt \(report.streams) streams from \(report.events) events: the read models differ.")
            for difference in report.differences {
                print(
                    "  \(difference.table): \(difference.onlyLive) live rows and \(difference.onlyRebuilt) rebuilt rows differ, e.g. \(difference.sampleKeys.prefix(3).joined(separator: ", "))"
                )
            }
        }
        if !report.isClean { throw ExitCode(1) }
    }
}
