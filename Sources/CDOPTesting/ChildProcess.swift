import Foundation
import Synchronization

/// A program started by a test, whose standard output is read line by line as it arrives.
///
/// Used to crash-test the store (SIGKILL at random moments) and to run the built `cdop` binary.
package final class ChildProcess: Sendable {
    private let process: Process
    private let output = OutputCollector()

    /// Starts `executable` with `arguments`; `environment` adds to (or, with nil values, removes from) ours.
    package init(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], input: Data? = nil,
        workingDirectory: URL? = nil
    ) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let collector = output
        // One thread per pipe, blocking on read until end of file: every byte the child wrote is seen, even when
        // it exits at once (a readability handler can miss the last chunk).
        Self.drain(
            stdout.fileHandleForReading, into: { collector.appendOutput($0) }, finished: { collector.finishOutput() })
        Self.drain(
            stderr.fileHandleForReading, into: { collector.appendError($0) }, finished: { collector.finishErrors() })
        if let input {
            let stdin = Pipe()
            process.standardInput = stdin
            try process.run()
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
    }

    package var processIdentifier: Int32 { process.processIdentifier }

    private static func drain(
        _ handle: FileHandle, into append: @escaping @Sendable (Data) -> Void, finished: @escaping @Sendable () -> Void
    ) {
        let thread = Thread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                append(chunk)
            }
            finished()
        }
        thread.start()
    }

    /// Whether the program is still running.
    package var isRunning: Bool { process.isRunning }

    /// Every complete line printed so far.
    package var outputLines: [String] { output.lines }

    /// Everything printed so far, as text.
    package var standardOutput: String { output.lines.joined(separator: "\n") }

    package var standardError: String { output.errorText }

    /// Waits until at least `count` lines matching `predicate` have been printed, or `timeout` passes.
    @discardableResult
    package func waitForLines(
        atLeast count: Int, timeout: Duration = .seconds(30),
        matching predicate: @Sendable (String) -> Bool = { _ in true }
    ) async -> Bool {
        _ = await Eventually.holds(within: timeout) {
            outputLines.filter(predicate).count >= count || (!process.isRunning && output.isFinished)
        }
        return outputLines.filter(predicate).count >= count
    }

    /// Sends `signal` (SIGKILL by default), waits for the process to end and for its output to be read.
    package func kill(_ signal: Int32 = SIGKILL) async {
        _ = Foundation.kill(process.processIdentifier, signal)
        _ = await waitForExit()
    }

    /// Waits for the process to end and returns its exit status; lines printed before the end are all read.
    package func waitForExit(timeout: Duration = .seconds(60)) async -> Int32 {
        _ = await Eventually.holds(within: timeout) { !process.isRunning }
        if process.isRunning {
            _ = Foundation.kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        _ = await Eventually.holds(within: .seconds(30), poll: .milliseconds(2)) { output.isFinished }
        return process.terminationStatus
    }
}

/// Lines of standard output and the text of standard error, gathered from the pipes' handlers.
private final class OutputCollector: Sendable {
    private struct State {
        var partial = Data()
        var lines: [String] = []
        var finished = false
        var errors = Data()
        var errorsFinished = false
    }

    private let state = Mutex(State())

    var lines: [String] { state.withLock { $0.lines } }
    /// Both pipes have reached end of file: everything the program wrote has been read.
    var isFinished: Bool { state.withLock { $0.finished && $0.errorsFinished } }
    var errorText: String { state.withLock { String(decoding: $0.errors, as: UTF8.self) } }

    func appendOutput(_ chunk: Data) {
        state.withLock { state in
            state.partial.append(chunk)
            while let newline = state.partial.firstIndex(of: 0x0A) {
                state.lines.append(String(decoding: state.partial[state.partial.startIndex..<newline], as: UTF8.self))
                state.partial.removeSubrange(state.partial.startIndex...newline)
            }
        }
    }

    func finishOutput() {
        state.withLock { state in
            if !state.partial.isEmpty {
                state.lines.append(String(decoding: state.partial, as: UTF8.self))
                state.partial.removeAll()
            }
            state.finished = true
        }
    }

    func finishErrors() {
        state.withLock { $0.errorsFinished = true }
    }

    func appendError(_ chunk: Data) {
        state.withLock { $0.errors.append(chunk) }
    }
}
