import CDOPApp
import Foundation
import Testing

@Suite("Configuration from a settings file (CDOP_CONFIG_FILE)")
struct ConfigurationFileTests {
    @Test("A file's settings are read, and the environment overrides them")
    func environmentOverridesTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cdop-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cdop.env").path
        try """
        # comment
        CDOP_HTTP_PORT=9001
        export CDOP_PANEL_NAME="Riverside CDOP"
        CDOP_DB=/data/from-file.sqlite
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let configuration = try AppConfiguration(environment: [
            "CDOP_CONFIG_FILE": file, "CDOP_DB": "/data/from-env.sqlite",
        ])
        #expect(configuration.httpPort == 9001)
        #expect(configuration.panelName == "Riverside CDOP")
        #expect(configuration.databasePath == "/data/from-env.sqlite")
    }

    @Test("A malformed line and an unknown name are each named by file and line, beside the other problems")
    func everyProblemIsNamed() {
        let file = ConfigurationFile(
            text: "CDOP_HTTP_PORT=1\nnot a setting\nCDOP_HTTP_PROT=8080\n", path: "/etc/cdop/cdop.env",
            knownNames: AppConfiguration.settingNames)
        #expect(file.problems.map(\.variable) == ["/etc/cdop/cdop.env line 2", "/etc/cdop/cdop.env line 3"])
        #expect(file.problems[1].reason.contains("CDOP_HTTP_PROT is not a cdop setting"))
        #expect(file.values == ["CDOP_HTTP_PORT": "1"])
    }

    @Test("A file that cannot be read is a problem, reported with the environment's own problems")
    func unreadableFileIsReportedWithTheRest() {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["CDOP_CONFIG_FILE": "/nonexistent/cdop.env", "CDOP_LINK_DAYS": "0"])
        }
        #expect(Set(error?.problems.map(\.variable) ?? []) == ["CDOP_CONFIG_FILE", "CDOP_LINK_DAYS"])
    }

    @Test("A link secret and a metrics token are checked like every other setting")
    func secretsAreChecked() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["CDOP_LINK_SECRET": "abc", "CDOP_METRICS_TOKEN": "short"])
        }
        #expect(Set(error?.problems.map(\.variable) ?? []) == ["CDOP_LINK_SECRET", "CDOP_METRICS_TOKEN"])
        #expect(error?.description.contains("short") == false)
        let valid = try AppConfiguration(environment: ["CDOP_LINK_SECRET": String(repeating: "0a", count: 32)])
        #expect(valid.linkSecret?.count == 32)
    }
}
