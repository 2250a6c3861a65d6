import CDOPTesting
import Foundation
import Testing

/// The web pages in a real browser: headless Chromium driven by Tests/Browser/journey.py (selenium), with
/// axe-core checking WCAG 2.0/2.1/2.2 A and AA on every page. Needs `make deps` (chromium, chromium-driver,
/// selenium, axe-core); without them these tests fail rather than skip, since CI installs them.
@Suite("A real browser through the pages", .serialized)
struct BrowserJourneyTests {
    @Test(
        "A death notified on the public page ends with a returned Form B on the coordinator's dashboard, every page free of WCAG A and AA violations"
    )
    func notificationToReturnedForm() async throws {
        try await BrowserHarness.requireTools()
        let cli = CLI(actor: "admin.setup")
        try await cli.json(
            "agency", "add", "--name", "Northgate Surgery", "--kind", "gp", "--lead",
            "Jo Lead <jo@northgate.example.nhs.uk>")
        try await cli.json(
            "agency", "add", "--name", "Riverside Health Visiting", "--kind", "healthVisiting", "--lead",
            "Sam Lead <sam@riverside.example.nhs.uk>")
        let user = try await cli.json(
            "user", "add", "casey.coordinator", "--name", "Casey Coordinator", "--email", "casey@cdop.example.gov.uk",
            "--role", "coordinator")
        let password = try #require(user["initialPassword"] as? String, "\(user)")

        let spool = cli.folder.path("outbox")
        let server = try await RunningServer(cli: cli, spool: spool)
        let artefacts = BrowserHarness.artefacts("journey")
        let started = ContinuousClock.now
        let journey = try await BrowserHarness.run([
            "--base", server.base, "--spool", spool, "--artefacts", artefacts.path,
            "--coordinator", "casey.coordinator", "--password", password,
            "--agency", "Northgate Surgery", "--agency", "Riverside Health Visiting",
        ])
        await server.stop()
        print("Browser journey took \(ContinuousClock.now - started); screenshots in \(artefacts.path)")
        #expect(journey.status == 0, "\(journey)\nserver: \(server.output)")
        #expect(journey.output.contains("passed in"), "\(journey)")
        let shots = (try? FileManager.default.contentsOfDirectory(atPath: artefacts.path)) ?? []
        #expect(shots.filter { $0.hasSuffix(".png") }.count >= 12, "\(shots)")
    }

    @Test(
        "The axe check fails on a page with unlabelled fields, faint text and no language, naming each rule and element"
    )
    func axeFailsAnInaccessiblePage() async throws {
        try await BrowserHarness.requireTools()
        let page = BrowserHarness.folder.appendingPathComponent("Fixtures/inaccessible.html")
        let artefacts = BrowserHarness.artefacts("inaccessible")
        let check = try await BrowserHarness.run(["--check-page", page.absoluteString, "--artefacts", artefacts.path])
        #expect(check.status == 1, "\(check)")
        for rule in ["label [critical] input", "color-contrast [serious]", "html-has-lang [serious] html"] {
            #expect(check.error.contains(rule), "\(rule) not in: \(check)")
        }
        #expect(FileManager.default.fileExists(atPath: artefacts.appendingPathComponent("page.png").path))
    }
}

/// Tests/Browser/journey.py, run with python3 from the package root.
enum BrowserHarness {
    struct Run: CustomStringConvertible {
        var status: Int32
        var output: String
        var error: String
        var description: String { "journey.py → \(status)\nstdout:\n\(output)\nstderr:\n\(error)" }
    }

    static var folder: URL { BuiltProducts.packageRoot.appendingPathComponent("Tests/Browser") }

    /// A fresh folder for one test's screenshots, kept after the run under .build/browser-artefacts/.
    static func artefacts(_ name: String) -> URL {
        let url = BuiltProducts.packageRoot.appendingPathComponent(".build/browser-artefacts").appendingPathComponent(
            name)
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func run(_ arguments: [String], timeout: Duration = .seconds(300)) async throws -> Run {
        let python = ProcessInfo.processInfo.environment["PYTHON"] ?? "/usr/bin/env"
        let prefix = python == "/usr/bin/env" ? ["python3"] : []
        let process = try ChildProcess(
            python, prefix + [folder.appendingPathComponent("journey.py").path] + arguments,
            environment: ["PYTHONUNBUFFERED": "1"], workingDirectory: BuiltProducts.packageRoot)
        let status = await process.waitForExit(timeout: timeout)
        return Run(status: status, output: process.standardOutput, error: process.standardError)
    }

    /// Fails, naming `make deps`, when chromium, chromium-driver, selenium or axe-core is missing.
    static func requireTools() async throws {
        let preflight = try await run(["--preflight"], timeout: .seconds(60))
        try #require(
            preflight.status == 0,
            "The browser tests need chromium, chromium-driver, selenium and axe-core: run `make deps`.\n\(preflight)")
    }
}
