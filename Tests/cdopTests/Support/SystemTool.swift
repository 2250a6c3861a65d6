import CDOPTesting
import Foundation

/// A program from the system (nginx, systemd-analyze, openssl), found on PATH or in the sbin folders.
enum SystemTool {
    /// The tool's full path, or nil when it is not installed.
    static func path(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func exists(_ name: String) -> Bool { path(name) != nil }

    /// Runs the tool and waits: its exit status, standard output and standard error.
    static func run(_ name: String, _ arguments: [String]) async throws -> (
        status: Int32, output: String, error: String
    ) {
        let process = try ChildProcess(path(name) ?? name, arguments)
        let status = await process.waitForExit()
        return (status, process.standardOutput, process.standardError)
    }
}
