import CDOPTesting
import Foundation
import Testing

/// `cdop demo` through the built binary: the summary in counts only, once per database.
struct DemoCommandTests {
    /// Every surname the demo gives a child, and the shapes of its NHS numbers and postcodes.
    static let personalData = [
        "Testchild", "Example", "Sample", "Fictive", "Madeup", "Notreal", "Placeholder", "Dummyson", "Imaginary",
        "Pretendo", "Fabrico", "Mock-Smith", "Stand-In", "Invento", "ZZ99",
    ]

    static func containsPersonalData(_ text: String) -> Bool {
        personalData.contains { text.contains($0) } || text.contains(/999\d{7}|999 \d{3} \d{4}/)
    }

    @Test("cdop demo loads once and prints counts only")
    func demoLoadsOnceAndPrintsCountsOnly() async throws {
        let cli = CLI()
        let loaded = try await cli.run(["demo", "--json"])
        #expect(loaded.status == 0 && loaded.error.isEmpty, "\(loaded)")
        #expect(!Self.containsPersonalData(loaded.output + loaded.error), "\(loaded)")
        let summary = try #require(loaded.object?["summary"] as? [String: Any], "\(loaded)")
        let accounts = try #require(loaded.object?["accounts"] as? [[String: Any]], "\(loaded)")
        #expect(
            Set(accounts.compactMap { $0["role"] as? String }) == [
                "admin", "coordinator", "designated-doctor", "panel-member",
            ])
        let stages = try #require(summary["casesByStage"] as? [String: Int])
        #expect(stages.count == 14 && summary["agencies"] as? Int == 12, "\(stages)")
        #expect((summary["actors"] as? [[String: Any]])?.contains { $0["role"] as? String == "coordinator" } == true)
        // --db names the database, so its mail is spooled beside it (CDOP_SPOOL_DIR unset).
        let spooled = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path("outbox"))
        #expect(spooled.count > 100)

        let again = try await cli.run("demo")
        #expect(again.status == 1 && again.error.contains("[demo.databaseNotEmpty]"), "\(again)")
        #expect(!Self.containsPersonalData(again.output + again.error))

        let rebuild = try await cli.run(["rebuild", "--json"])
        let differences = try #require(rebuild.object?["differences"] as? [[String: Any]], "\(rebuild)")
        #expect(differences.isEmpty, "\(rebuild)")
    }

    @Test("make run loads the demo on first start only")
    func makeRunLoadsTheDemoOnFirstStartOnly() async throws {
        let cli = CLI()
        let first = try await cli.run(["status"], environment: ["CDOP_DEMO": "1"])
        #expect(first.status == 0 && first.error.isEmpty, "\(first)")
        #expect(first.output.hasPrefix("Demo data loaded: ") && first.output.contains("acting users"), "\(first)")
        #expect(first.output.contains("database     "), "the status view follows: \(first)")
        // The demo's own lines (the status view after them names the panel, "North Central Example CDOP").
        let demoLines = first.output.components(separatedBy: "\ncdop: ")[0]
        #expect(!Self.containsPersonalData(demoLines), "\(first)")

        let second = try await cli.run(["status"], environment: ["CDOP_DEMO": "1"])
        #expect(second.status == 0 && !second.output.contains("Demo data loaded"), "\(second)")
    }

    @Test("cdop demo --db PATH spools the demo's mail beside PATH, not into var/outbox of the working directory")
    func demoSpoolsBesideTheDatabase() async throws {
        let cli = CLI()
        let elsewhere = cli.folder.path("panel")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let loaded = try await cli.run(["demo", "--json"], database: elsewhere + "/cdop.sqlite")
        #expect(loaded.status == 0, "\(loaded)")
        let spooled = (try? FileManager.default.contentsOfDirectory(atPath: elsewhere + "/outbox")) ?? []
        #expect(spooled.filter { $0.hasSuffix(".eml") }.count > 100, "\(spooled.count) files beside the database")
        #expect(
            !FileManager.default.fileExists(atPath: cli.folder.path("var/outbox")), "nothing in the working directory")
    }
}
