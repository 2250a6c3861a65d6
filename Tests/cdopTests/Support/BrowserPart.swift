import CDOPTesting
import Foundation
import Testing

/// One role's browser journey (Tests/Browser/parts/NAME.py) against a live server on a fresh database: the
/// agencies and staff it needs are added through the CLI first, then `journey.py --part NAME` walks the pages.
struct BrowserPart {
    let cli = CLI(actor: "admin.setup")
    private(set) var users: [String: (username: String, password: String)] = [:]
    private var extraArguments: [String] = []

    /// Adds the two agencies every part can ask (Northgate Surgery, Riverside Health Visiting).
    func addAgencies() async throws {
        try await cli.json(
            "agency", "add", "--name", "Northgate Surgery", "--kind", "gp", "--lead",
            "Jo Lead <jo@northgate.example.nhs.uk>")
        try await cli.json(
            "agency", "add", "--name", "Riverside Health Visiting", "--kind", "healthVisiting",
            "--lead", "Sam Lead <sam@riverside.example.nhs.uk>")
    }

    /// Adds a staff account with `role` (a StaffRole's raw value) and keeps its one-time password for the part.
    mutating func addUser(_ username: String, role: String, name: String, email: String, areas: [String] = [])
        async throws
    {
        var arguments = ["user", "add", username, "--name", name, "--email", email, "--role", role]
        for area in areas { arguments += ["--area", area] }
        let run = try await cli.run(arguments + ["--json"])
        #expect(run.status == 0, "\(run)")
        let user = try #require(run.object, "\(run)")
        users[role] = (username, try #require(user["initialPassword"] as? String, "\(user)"))
    }

    /// Passes `--case REFERENCE` (or any other arguments) on to the part.
    mutating func pass(_ arguments: String...) { extraArguments += arguments }

    /// Starts the server, runs the part, stops the server; expects the part to pass.
    func run(_ part: String, timeout: Duration = .seconds(420), sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        try await BrowserHarness.requireTools()
        let spool = cli.folder.path("outbox")
        let server = try await RunningServer(cli: cli, spool: spool)
        let artefacts = BrowserHarness.artefacts(part)
        var arguments = ["--part", part, "--base", server.base, "--spool", spool, "--artefacts", artefacts.path]
        for (role, account) in users.sorted(by: { $0.key < $1.key }) {
            arguments += ["--user", "\(role)=\(account.username):\(account.password)"]
        }
        let journey = try await BrowserHarness.run(arguments + extraArguments, timeout: timeout)
        await server.stop()
        #expect(journey.status == 0, "\(journey)\nserver: \(server.output)", sourceLocation: sourceLocation)
        #expect(journey.output.contains("passed in"), "\(journey)", sourceLocation: sourceLocation)
    }
}
