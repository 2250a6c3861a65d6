import ArgumentParser
import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPPrivacy
import CDOPReports
import CDOPStore
import Foundation

/// `cdop`: the Child Death Overview Panel workflow engine's one executable.
@main
struct CDOPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdop",
        abstract: "Child death review workflow: notifications, Form B requests, rapid responses, panel reviews.",
        discussion: """
            Every command takes --db PATH (default $CDOP_DB or var/cdop.sqlite), --json for machine-readable \
            output and --as USER for the person acting. A refused command exits with status 1 and says why.
            """,
        subcommands: [
            StatusCommand.self, NotifyCommand.self, CaseGroup.self, DuplicateGroup.self, TriageCommand.self,
            RapidResponseGroup.self, AgencyGroup.self, FormGroup.self, ReviewGroup.self, MeetingGroup.self,
            OutcomeGroup.self, ActionGroup.self, NCMDGroup.self, TickCommand.self, TimersCommand.self, MailGroup.self,
            UserGroup.self,
            AccessGroup.self, ReportGroup.self, ImportCommand.self, RebuildCommand.self,
            CheckDefinitionsCommand.self, DemoCommand.self, ServeCommand.self, BackupCommand.self, RestoreCommand.self,
            VerifyCommand.self, NCMDGroup.self, PrivacyGroup.self, CopyCommand.self,
        ])

    /// Runs the command; a refusal or failure is printed once, plainly (or as JSON with --json), exit status 1.
    /// A bad option or argument is a refusal too (code input.invalidOption), with the usage after it.
    static func main() async {
        let wantsJSON = CommandLine.arguments.contains("--json")
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // --help and --version end here with status 0.
            if exitCode(for: error) == .success { exit(withError: error) }
            invalidOption(error, json: wantsJSON)
        }
        do {
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as CommandError {
            fail(code: error.code, message: error.description, json: wantsJSON)
        } catch let error as DomainError {
            fail(code: error.code, message: error.description, json: wantsJSON)
        } catch let error as EventStoreError {
            fail(code: "store.failure", message: error.description, json: wantsJSON)
        } catch let error as OperationsError {
            fail(code: error.code, message: error.description, json: wantsJSON)
        } catch let error as ConfigurationError {
            fail(code: "configuration.invalid", message: error.description, json: wantsJSON)
        } catch let problems as DefinitionProblems {
            fail(
                code: "definitions.invalid",
                message: "The workflow definitions cannot be used (run `cdop check-definitions`; set CDOP_DEFINITIONS "
                    + "to the folder holding Workflows/):\n"
                    + problems.problems.map { "  \($0)" }.joined(separator: "\n"),
                json: wantsJSON)
        } catch let error as PersonalDataErasure.Problem {
            fail(code: "privacy.eraseRefused", message: error.description, json: wantsJSON)
        } catch let error as PersonalDataMigration.Problem {
            fail(code: "privacy.migrationRefused", message: error.description, json: wantsJSON)
        } catch let error as PrivacyError {
            fail(code: "privacy.keys", message: error.description, json: wantsJSON)
        } catch let error as ImportError {
            fail(code: error.code, message: error.description, json: wantsJSON)
        } catch let error as ReportError {
            fail(code: "report.failed", message: error.description, json: wantsJSON)
        } catch let error as InputFile.Problem {
            fail(code: "input.invalid", message: error.description, json: wantsJSON)
        } catch let error as ValidationError {
            fail(code: "input.invalidOption", message: error.message, json: wantsJSON)
        } catch let error as ExitCode {
            exit(withError: error)
        } catch {
            // Help asked for below the root arrives here, from ArgumentParser's own help command.
            if exitCode(for: error) == .success { exit(withError: error) }
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
                invalidOption(error, json: wantsJSON)
            }
            fail(code: "command.failed", message: "\(error)", json: wantsJSON)
        }
    }

    /// A command line that could not be parsed or validated: the message naming the option, then the usage.
    private static func invalidOption(_ error: any Error, json: Bool) -> Never {
        let message = self.message(for: error)
        if json { fail(code: "input.invalidOption", message: message, json: true) }
        Output.error("\(message) [input.invalidOption]")
        let usage = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("Usage:") }.joined(separator: "\n")
        if !usage.isEmpty { FileHandle.standardError.write(Data((usage + "\n").utf8)) }
        Foundation.exit(1)
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
