import CDOPTesting
import Foundation

/// A test server's Python script started as a child process, which prints `READY <port>` once it accepts
/// connections.
enum ReadyLine {
    static let deadlineSeconds = 120

    /// Starts `python3 -u ARGUMENTS` in `directory` and waits for its `READY <port>` line; `name` names the
    /// server in the error when it does not come.
    static func start(_ arguments: [String], in directory: TemporaryDirectory, name: String) async throws
        -> (process: ChildProcess, port: Int)
    {
        // Its output is read by ChildProcess's blocking reads, never by a readability handler: tearing one of
        // those down races libdispatch's epoll bookkeeping on Linux and can crash the whole test process
        // (swift-corelibs-libdispatch issue 949).
        let process = try ChildProcess("/usr/bin/env", ["python3", "-u"] + arguments, workingDirectory: directory.url)
        // A deadline, not a wait: it returns at READY (about 1.5 s). It is generous because the whole suite starts
        // a dozen of these at once beside the browser tests on two cores, where Python's start can take many times that.
        let ready = await process.waitForLines(atLeast: 1, timeout: .seconds(Self.deadlineSeconds)) {
            $0.hasPrefix("READY ")
        }
        guard ready, let line = process.outputLines.first(where: { $0.hasPrefix("READY ") }),
            let port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        else {
            let running = process.isRunning
            let status = await process.waitForExit(timeout: .zero)
            let reason =
                running
                ? "the \(name) did not print READY within \(Self.deadlineSeconds) s"
                : "the \(name) exited with status \(status) before it was ready"
            throw ChildProcessError(description: "\(reason): \(process.standardError)")
        }
        return (process, port)
    }

    /// Stops a server started by `start` and waits until it has exited (SIGKILL if SIGTERM has not ended it
    /// within 5 seconds).
    static func stop(_ process: ChildProcess) async {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        _ = await process.waitForExit(timeout: .seconds(5))
    }
}
