import CDOPTesting
import Foundation
import Testing

/// `cdop serve` checks its whole configuration before it opens anything, and refuses to start on a bad one.
@Suite("cdop serve's configuration check")
struct ServeConfigurationTests {
    @Test("cdop serve refuses to start on an invalid configuration, naming every problem at once")
    func serveRefusesInvalidConfiguration() async throws {
        let cli = CLI()
        let file = cli.folder.path("cdop.env")
        try "CDOP_TICK_SECONDS=0\nCDOP_HTTP_PROT=8080\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try await cli.run(
            ["serve", "--port", "0"],
            environment: [
                "CDOP_CONFIG_FILE": file, "CDOP_BASE_URL": "ftp://cdop.example.org", "CDOP_LINK_DAYS": "400",
                "CDOP_BCRYPT_COST": "99", "CDOP_SMTP_URL": nil,
            ])
        #expect(run.status != 0, "\(run)")
        for named in ["CDOP_TICK_SECONDS", "CDOP_HTTP_PROT", "CDOP_BASE_URL", "CDOP_LINK_DAYS", "CDOP_BCRYPT_COST"] {
            #expect(run.error.contains(named), "\(named) is not named: \(run.error)")
        }
        #expect(run.error.contains("configuration.invalid"))
        #expect(!run.output.contains("listening"))
        #expect(!FileManager.default.fileExists(atPath: cli.database), "the database was opened before the check")
    }
}
