import CDOPApp
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// `cdop copy`: a panel moved from its SQLite file to PostgreSQL and back, every event and read model compared
/// on both sides each time.
@Suite("Moving a panel between engines")
struct PanelCopyTests {
    @Test("cdop copy moves the demo panel to PostgreSQL and back to a new SQLite file, comparing clean each way")
    func aPanelMovesToPostgresAndBack() async throws {
        let folder = TemporaryDirectory("cdop-copy")
        let original = try #require(try await ReadModelEngineTests.demo(in: folder).sqliteStore)
        let database = try ThrowawayPostgres.shared().makeDatabase()
        let keys = PersonalDataProtection.keysPath(besides: original.path)
        let back = folder.path("back.sqlite")
        let environment: [String: String?] = ["CDOP_KEYS_DB": keys, "CDOP_DATABASE_URL": nil, "CDOP_DB": nil]

        let there = try await Self.cdop(["copy", "--from", original.path, "--to", database.url, "--json"], environment)
        #expect(there.status == 0, "\(there.output) \(there.errors)")
        let report = try JSONDecoder().decode(PanelCopy.Report.self, from: Data(there.output.utf8))
        #expect(report.events == (try original.eventCount()) && report.commands > 100)
        #expect(report.readModelsCompared == ReadModelRebuild.tables.count + PanelCopy.carriedTables.count)
        #expect(report.rows["user_credentials"] != nil)

        // `cdop verify` on the copy: its read models equal a replay of its events.
        var onPostgres = environment
        onPostgres["CDOP_DATABASE_URL"] = database.url
        onPostgres["CDOP_DB"] = original.path
        onPostgres["CDOP_LINK_SECRET"] = String(repeating: "07", count: 32)
        let verified = try await Self.cdop(["verify"], onPostgres)
        #expect(
            verified.status == 0 && verified.output.contains("Every check passed"),
            "\(verified.output) \(verified.errors)")

        let again = try await Self.cdop(["copy", "--from", original.path, "--to", database.url], environment)
        #expect(again.status == 1 && again.errors.contains("already holds"), "\(again.output) \(again.errors)")

        let home = try await Self.cdop(["copy", "--from", database.url, "--to", back], environment)
        #expect(home.status == 0 && home.output.contains("compare the same"), "\(home.output) \(home.errors)")
        let returned = try EventStore(path: back, options: ReadModels.storeOptions())
        #expect(try returned.eventCount() == original.eventCount())
        let backVerified = try await Self.cdop(["verify", "--db", back], environment)
        #expect(backVerified.status == 0, "\(backVerified.output) \(backVerified.errors)")
    }

    /// Runs the built `cdop` to its end.
    static func cdop(_ arguments: [String], _ environment: [String: String?]) async throws -> (
        status: Int32, output: String, errors: String
    ) {
        let process = try ChildProcess(
            BuiltProducts.executable("cdop"), arguments, environment: environment,
            workingDirectory: BuiltProducts.packageRoot)
        let status = await process.waitForExit(timeout: .seconds(600))
        return (status, process.standardOutput, process.standardError)
    }
}
