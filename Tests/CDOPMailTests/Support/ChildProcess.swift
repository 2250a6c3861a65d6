import Foundation

/// The outcome of a finished child process.
struct ProcessOutput: Sendable {
    var status: Int32
    var stdout: Data
    var stderr: String
}

/// A child process failed or could not start.
struct ChildProcessError: Error, CustomStringConvertible {
    var description: String
}

/// Runs a program to completion without blocking a thread: output goes to files in `workDirectory`, and
/// the exit is awaited through the termination handler.
func runProcess(_ executable: String, _ arguments: [String], in workDirectory: URL) async throws -> ProcessOutput {
    let id = UUID().uuidString.prefix(8)
    let outURL = workDirectory.appendingPathComponent(".out-\(id)")
    let errURL = workDirectory.appendingPathComponent(".err-\(id)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.currentDirectoryURL = workDirectory
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = FileHandle.nullDevice
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do { try process.run() } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
        }
    }
    return ProcessOutput(
        status: status, stdout: try Data(contentsOf: outURL),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}
