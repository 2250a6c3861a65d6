import ArgumentParser
import CDOPApp
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
        let showProgress = !options.json && isatty(STDERR_FILENO) == 1
        let started = Date()
        let report = try ReadModelRebuild(store: engine.store).run { done in
            guard showProgress, done % 10_000 < 2000 else { return }
            let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
            FileHandle.standardError.write(Data("\r… \(done) events replayed (\(Int(rate))/s)".utf8))
        }
        if showProgress { FileHandle.standardError.write(Data("\r".utf8)) }
        if options.json {
            print(Output.json(report))
        } else if report.isClean {
            print("Rebuilt \(report.streams) streams from \(report.events) events: every read model matches.")
        } else {
            print("Rebuilt \(report.streams) streams from \(report.events) events: the read models differ.")
            for difference in report.differences {
                print("  \(difference.table): \(difference.onlyLive) live rows and \(difference.onlyRebuilt) rebuilt rows differ, e.g. \(difference.sampleKeys.prefix(3).joined(separator: ", "))")
            }
        }
        if !report.isClean { throw ExitCode(1) }
    }
}
