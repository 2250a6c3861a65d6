import ArgumentParser

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
        subcommands: [StatusCommand.self])
}
