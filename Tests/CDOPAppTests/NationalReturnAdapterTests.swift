import CDOPApp
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

@Suite("The national return's adapters and their configuration")
struct NationalReturnAdapterTests {
    static let caseIDs = [CaseID(UUID()), CaseID(UUID())]

    static func sampleReturn(hash: String = String(repeating: "c0ffee", count: 10) + "abcd") -> NationalReturn {
        NationalReturn(
            year: 2026, manifestHash: hash,
            documents: caseIDs.enumerated().map { index, caseID in
                NationalReturn.CaseDocument(
                    caseID: caseID, nationalCaseKey: "NTH-2026-\(index + 1)", json: Data("{\"n\":\(index)}".utf8))
            },
            otherFiles: ["manifest.json": Data("{}".utf8), "csv/reporting.csv": Data("a,b\n".utf8)])
    }

    static let coordinator = Actor(name: "c", role: "coordinator")

    @Test("The directory adapter writes every file of a return into a folder of its own, and nothing else")
    func directoryWritesReturn() async throws {
        let directory = TemporaryDirectory()
        let adapter = DirectoryReturnAdapter(directory: directory.path("ncmd"))
        let receipt = try await adapter.deliver(Self.sampleReturn(), by: Self.coordinator)
        let folder = adapter.folder(for: Self.sampleReturn())
        #expect(receipt == .written(folder: folder.path, files: 4))
        #expect(folder.lastPathComponent == "ncmd-return-2026-c0ffeec0ffee")
        let data = try Data(contentsOf: folder.appendingPathComponent("cases/NTH-2026-2.json"))
        #expect(String(decoding: data, as: UTF8.self) == "{\"n\":1}")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("csv/reporting.csv").path))
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path("ncmd"))
        #expect(entries == [folder.lastPathComponent], "no temporary folder is left behind")
    }

    @Test("The same return written again finds its folder and writes nothing")
    func directoryIsIdempotent() async throws {
        let directory = TemporaryDirectory()
        let adapter = DirectoryReturnAdapter(directory: directory.path("ncmd"))
        _ = try await adapter.deliver(Self.sampleReturn(), by: Self.coordinator)
        let file = adapter.folder(for: Self.sampleReturn()).appendingPathComponent("manifest.json")
        try Data("kept".utf8).write(to: file)
        _ = try await adapter.deliver(Self.sampleReturn(), by: Self.coordinator)
        #expect(try Data(contentsOf: file) == Data("kept".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("ncmd")).count == 1)
    }

    @Test("A return naming a file outside its folder is refused, and nothing is written")
    func directoryRefusesEscapingPath() async throws {
        let directory = TemporaryDirectory()
        let adapter = DirectoryReturnAdapter(directory: directory.path("ncmd"))
        var nationalReturn = Self.sampleReturn()
        nationalReturn.otherFiles["../outside.csv"] = Data()
        let error = await #expect(throws: NationalReturnDeliveryError.self) {
            try await adapter.deliver(nationalReturn, by: Self.coordinator)
        }
        #expect(error?.code == "ncmd.badFileName")
        #expect(!FileManager.default.fileExists(atPath: directory.path("ncmd")))
    }

    @Test("A case document's Idempotency-Key is the same for the same return and case, and differs otherwise")
    func idempotencyKeyIsStable() {
        let nationalReturn = Self.sampleReturn()
        let first = nationalReturn.deliveryKey(of: nationalReturn.documents[0])
        #expect(first == Self.sampleReturn().deliveryKey(of: Self.sampleReturn().documents[0]))
        #expect(first != nationalReturn.deliveryKey(of: nationalReturn.documents[1]))
        let corrected = Self.sampleReturn(hash: String(repeating: "d", count: 64))
        #expect(first != corrected.deliveryKey(of: corrected.documents[0]))
    }

    @Test("The directory adapter is the default, under var/ncmd, or beside a database given with --db")
    func directoryByDefault() throws {
        var configuration = try AppConfiguration(environment: [:])
        #expect(configuration.nationalReturn.adapter == .directory("var/ncmd"))
        configuration.useDatabase(at: "/tmp/panel/cdop.sqlite")
        #expect(configuration.nationalReturn.adapter == .directory("/tmp/panel/ncmd"))
        var given = try AppConfiguration(environment: ["CDOP_NCMD_DIR": "/srv/returns"])
        given.useDatabase(at: "/tmp/panel/cdop.sqlite")
        #expect(given.nationalReturn.adapter == .directory("/srv/returns"))
    }

    @Test("The HTTPS adapter takes its address, its token (or a token file) and a CA file")
    func httpsSettings() throws {
        let directory = TemporaryDirectory()
        let tokenFile = directory.path("token")
        try Data("from-the-file\n".utf8).write(to: URL(fileURLWithPath: tokenFile))
        let configuration = try AppConfiguration(environment: [
            "CDOP_NCMD_ADAPTER": "https", "CDOP_NCMD_URL": "https://ncmd.example.org/api/returns",
            "CDOP_NCMD_TOKEN_FILE": tokenFile, "CDOP_NCMD_CA_FILE": "/etc/ssl/ncmd.pem",
        ])
        let endpoint = NationalReturnEndpoint(
            url: URL(string: "https://ncmd.example.org/api/returns")!, token: "from-the-file",
            caFile: "/etc/ssl/ncmd.pem")
        #expect(configuration.nationalReturn.adapter == .https(endpoint))
        #expect(!"\(endpoint)".contains("from-the-file"))
    }

    @Test("Every problem with the HTTPS adapter's settings is named, and the token is never shown")
    func httpsProblemsAreNamed() {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: [
                "CDOP_NCMD_ADAPTER": "https", "CDOP_NCMD_URL": "http://ncmd.example.org",
                "CDOP_NCMD_TOKEN": "secret-token-value",
            ])
        }
        #expect(error?.problems.map(\.variable) == ["CDOP_NCMD_URL"])
        #expect(error?.description.contains("secret-token-value") == false)
        let missing = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["CDOP_NCMD_ADAPTER": "https", "CDOP_NCMD_URL": "https://n.example"])
        }
        #expect(missing?.problems.map(\.variable) == ["CDOP_NCMD_TOKEN"])
        let ignored = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["CDOP_NCMD_TOKEN": "secret-token-value", "CDOP_NCMD_ADAPTER": "ftp"])
        }
        #expect(ignored?.problems.map(\.variable) == ["CDOP_NCMD_ADAPTER"])
    }

    @Test("Each retry waits twice as long as the one before, up to the cap, within the jitter")
    func backoffDoubles() {
        var policy = DeliveryPolicy()
        policy.jitter = 1...1
        #expect((1...8).map { policy.backoff(after: $0) } == [30, 60, 120, 240, 480, 960, 1920, 3600])
        #expect(policy.next(afterFailedAttempt: 7) == .retry(after: 1920))
        #expect(policy.next(afterFailedAttempt: 8) == .giveUp)
        policy.jitter = 0.8...1.2
        for _ in 0..<50 { #expect((24...36).contains(policy.backoff(after: 1))) }
    }
}
