import ArgumentParser
import CDOPApp
import CDOPDemo
import Foundation

/// `cdop demo`: load the demo data set into an empty database and print what it holds.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Load the synthetic demo panel (about 40 cases in every stage, agencies, meetings) into an empty database.",
        discussion: """
            Fourteen months of a panel's work are replayed through the real commands up to now: timers fire and \
            the history's emails are written to the spool directory (CDOP_SPOOL_DIR, or demo-mail beside the \
            database when SMTP is configured). Every name, address and NHS number is invented. Refused when the \
            database already holds events.
            """)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let started = Date()
        let configuration = try options.configuration()
        let summary = try await DemoDataSet.load(configuration: configuration)
        let accounts = try options.createDemoAccounts(configuration)
        if options.json {
            print(Output.json(DemoOutput(summary: summary, accounts: accounts)))
            return
        }
        for line in summary.lines { print(line) }
        for line in DemoAccounts.lines(accounts) { print(line) }
        print("took         \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}

extension GlobalOptions {
    /// Loads the demo data set first when CDOP_DEMO=1 and the database holds no events (`make run`), printing
    /// its summary once. The accounts' passwords and authenticator secret are printed only to a terminal: a
    /// server's output otherwise ends up in a log that keeps them (journald, a container's), so they go to
    /// `demo-accounts.txt` beside the database (mode 0600) and only that file's path is printed.
    func loadDemoIfAsked() async throws {
        let configuration = try configuration()
        guard configuration.loadDemoData, let summary = try await DemoDataSet.loadIfEmpty(configuration: configuration)
        else {
            return
        }
        let accounts = try createDemoAccounts(configuration)
        let toTerminal = !json && isatty(STDOUT_FILENO) == 1
        let accountLines =
            toTerminal
            ? DemoAccounts.lines(accounts)
            : [
                DemoAccounts.fileNotice(
                    try DemoAccounts.writeFile(accounts, besideDatabase: configuration.databasePath))
            ]
        if json { return }
        // Written at once (not buffered): the server that follows keeps running, and these lines are shown once.
        let text = (summary.lines + accountLines).joined(separator: "\n") + "\n\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The demo's staff accounts, in the database the demo was loaded into.
    func createDemoAccounts(_ configuration: AppConfiguration) throws -> [DemoAccounts.Account] {
        let engine = try Engine(configuration: configuration)
        return try DemoAccounts.create(users: UserDirectory(engine: engine), now: Date())
    }
}

/// `cdop demo --json`: the data set's summary and the accounts made for it.
struct DemoOutput: Encodable {
    var summary: DemoSummary
    var accounts: [DemoAccounts.Account]
}
