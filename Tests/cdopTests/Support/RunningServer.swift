import CDOPTesting
import Foundation
import Testing

/// `cdop serve --port 0` on a CLI's database, spooling its mail and ticking every second; stopped by the test.
struct RunningServer {
    let process: ChildProcess
    /// Where it listens, e.g. http://127.0.0.1:41234.
    let base: String

    init(
        cli: CLI, spool: String, environment extra: [String: String?] = [:], startTimeout: Duration = .seconds(60),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        var environment: [String: String?] = [
            "CDOP_DB": nil, "CDOP_USER": nil, "CDOP_SMTP_URL": nil, "CDOP_HTTP_PORT": nil,
            "CDOP_HTTP_HOST": "127.0.0.1",
            "CDOP_SPOOL_DIR": spool, "CDOP_TICK_SECONDS": "1", "CDOP_DEMO": "0",
            "CDOP_DEFINITIONS": BuiltProducts.packageRoot.path,
        ]
        environment.merge(extra) { $1 }
        process = try ChildProcess(
            BuiltProducts.executable("cdop"), ["serve", "--port", "0", "--db", cli.database],
            environment: environment, workingDirectory: cli.folder.url)
        let listening = await process.waitForLines(atLeast: 1, timeout: startTimeout) {
            RunningServer.address(in: $0) != nil
        }
        let line = process.outputLines.first { RunningServer.address(in: $0) != nil }
        guard listening, let line, let address = RunningServer.address(in: line) else {
            let output = "stdout: \(process.standardOutput)\nstderr: \(process.standardError)"
            await process.kill()
            Issue.record("cdop serve printed no address to listen on\n\(output)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        base = address
    }

    /// The http://host:port a line of the server's output announces, if any.
    static func address(in line: String) -> String? {
        guard let range = line.range(of: #"http://[0-9A-Za-z.\[\]:-]+:[0-9]+"#, options: .regularExpression) else {
            return nil
        }
        return String(line[range])
    }

    var output: String { "stdout:\n\(process.standardOutput)\nstderr:\n\(process.standardError)" }

    /// Asks the server to stop (SIGTERM), and kills it if it has not stopped within ten seconds.
    func stop() async {
        kill(process.processIdentifier, SIGTERM)
        _ = await process.waitForExit(timeout: .seconds(10))
    }
}
