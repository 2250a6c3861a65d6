import ArgumentParser
import CDOPApp
import CDOPStore
import Foundation

/// `cdop`: the Child Death Overview Panel workflow engine's one executable.
@main
struct CDOPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdop",
        abstract: "Child death review workflow: notifications, Form B requests, rapid responses, panel reviews.",
        discussion: """
            Every command takes --db PATH (default $CDOP_DB or var/cdop.sqlite), --json for machine-readable \
            output and --as USER for the person acting. A refused command exits with status 1 and says why.
            """,
        subcommands: [StatusCommand.self, NotifyCommand.self, CaseGroup.self])

    /// Runs the command; a refusal or failure is printed once, plainly (or as JSON with --json), exit status 1.
    static func main() {
        let wantsJSON = CommandLine.arguments.contains("--json")
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CommandError {
            fail(code: error.code, message: error.description, json: wantsJSON)
        } catch let error as EventStoreError {
            fail(code: "store.failure", message: error.description, json: wantsJSON)
        } catch let error as ConfigurationError {
            fail(code: "configuration.invalid", message: error.description, json: wantsJSON)
        } catch let error as InputFile.Problem {
            fail(code: "input.invalid", message: error.description, json: wantsJSON)
        } catch {
            exit(withError: error)
        }
    }

    private static func fail(code: String, message: String, json: Bool) -> Never {
        if json {
            print(Output.json(["error": code, "message": message]))
        } else {
            Output.error("\(message) [\(code)]")
        }
        Foundation.exit(1)
    }
}
