import CDOPTesting
import Foundation
import Testing

/// The demo's passwords and authenticator secret reach a terminal, never a log: when the server's output is not
/// a terminal they go to `demo-accounts.txt` beside the database (mode 0600) and only its path is printed.
@Suite("Where the demo's passwords go")
struct DemoAccountsOutputTests {
    /// The generated passwords (four groups of five) in `text`.
    static func passwords(in text: String) -> [String] {
        text.matches(of: /[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}/).map { String($0.output) }
    }

    /// The base32 authenticator secrets (32 characters) in `text`.
    static func secrets(in text: String) -> [String] {
        text.matches(of: /[A-Z2-7]{32}/).map { String($0.output) }
    }

    @Test(
        "A server whose output is not a terminal writes the demo's secrets to a 0600 file beside the database and logs only its path"
    )
    func notATerminal() async throws {
        let cli = CLI()
        let server = try await RunningServer(
            cli: cli, spool: cli.folder.path("outbox"), environment: ["CDOP_DEMO": "1", "CDOP_BCRYPT_COST": "4"],
            startTimeout: .seconds(300))
        await server.stop()
        let path = cli.folder.path("demo-accounts.txt")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        let passwords = Self.passwords(in: file)
        let secrets = Self.secrets(in: file)
        #expect(passwords.count == 4 && secrets.count == 1, "\(file)")
        for name in ["casey.coordinator", "ada.admin"] { #expect(file.contains(name)) }
        let output = server.output
        #expect(output.contains("Demo data loaded: ") && output.contains(path), "\(output)")
        for value in passwords + secrets { #expect(!output.contains(value), "a secret reached the server's output") }
    }

    @Test("On a terminal the demo's accounts are printed once and no file is written")
    func onATerminal() async throws {
        let cli = CLI()
        let command = [BuiltProducts.executable("cdop"), "status", "--db", cli.database, "--as", cli.actor]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        // script(1) runs the command on a pseudo-terminal of its own: isatty(1) is true in cdop.
        let process = try ChildProcess(
            "/usr/bin/script", ["-qec", command, "/dev/null"],
            environment: [
                "CDOP_DB": nil, "CDOP_USER": nil, "CDOP_DEMO": "1", "CDOP_BCRYPT_COST": "4",
                "CDOP_DEFINITIONS": BuiltProducts.packageRoot.path, "CDOP_SPOOL_DIR": cli.folder.path("outbox"),
            ],
            workingDirectory: cli.folder.url)
        let status = await process.waitForExit(timeout: .seconds(300))
        let output = process.standardOutput
        #expect(status == 0, "\(output)\n\(process.standardError)")
        #expect(output.contains("Demo accounts (passwords shown once"), "\(output)")
        #expect(Self.passwords(in: output).count == 4 && Self.secrets(in: output).count == 1, "\(output)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.path("demo-accounts.txt")))
    }
}
