import CDOPTesting
import Foundation

/// A stand-in for NCMD's endpoint (Tests/Support/ncmd/test_ncmd_server.py): HTTPS with a self-signed
/// certificate on a free loopback port, answering 401 to a wrong bearer token and the scripted statuses (then
/// 201) to the others, and keeping every post it received.
final class TestNCMDServer: @unchecked Sendable {
    static let token = "ncmd-test-token-7Qx9vL2mZ4"

    let port: Int
    let certificate: TestCertificate
    private let requestsFile: URL
    private let process: ChildProcess

    private init(port: Int, certificate: TestCertificate, requestsFile: URL, process: ChildProcess) {
        self.port = port
        self.certificate = certificate
        self.requestsFile = requestsFile
        self.process = process
    }

    /// Starts the server with a new certificate in `directory`, answering `statuses` to the first posts.
    static func start(statuses: [Int] = [], in directory: TemporaryDirectory) async throws -> TestNCMDServer {
        let certificate = try await TestCertificate.make(in: directory)
        let requests = directory.file("ncmd-requests.jsonl")
        var arguments = [
            TestPaths.ncmdServerScript.path, "--cert", certificate.certificate.path, "--key", certificate.key.path,
            "--token", token, "--requests", requests.path,
        ]
        for status in statuses { arguments += ["--status", String(status)] }
        let (process, port) = try await ReadyLine.start(arguments, in: directory, name: "NCMD test server")
        return TestNCMDServer(port: port, certificate: certificate, requestsFile: requests, process: process)
    }

    /// Stops the server and waits until it has exited.
    func stop() async {
        await ReadyLine.stop(process)
    }

    var url: URL { URL(string: "https://localhost:\(port)/returns")! }

    /// One post the server received.
    struct Post: Decodable, Sendable {
        var path: String
        var headers: [String: String]
        var body: String
        var status: Int

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Every post received, oldest first.
    func posts() throws -> [Post] {
        guard FileManager.default.fileExists(atPath: requestsFile.path) else { return [] }
        let text = try String(contentsOf: requestsFile, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Post.self, from: Data($0.utf8)) }
    }
}

/// Runs `body` against a fresh server in a fresh directory, then stops the server and removes the directory.
func withNCMDServer<T>(
    statuses: [Int] = [], _ body: (TestNCMDServer, TemporaryDirectory) async throws -> T
) async throws -> T {
    try await withTemporaryDirectory("cdop-ncmd") { directory in
        let server = try await TestNCMDServer.start(statuses: statuses, in: directory)
        do {
            let result = try await body(server, directory)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
