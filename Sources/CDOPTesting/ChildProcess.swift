import CSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A program started by a test, whose standard output is read line by line as it arrives.
///
/// Used to crash-test the store (SIGKILL at random moments) and to run the built `cdop` binary. Started with
/// `posix_spawn` (not Foundation's `Process`, whose `run()` on Linux can read past a directory entry of
/// /proc/self/fd and crash the test process): the child gets its three standard streams and no other descriptor
/// of ours, and a thread of its own waits for it to end.
package final class ChildProcess: Sendable {
    package let processIdentifier: pid_t
    /// The status `waitpid` gave once the program ended; nil while it runs.
    private let ended = Mutex<Int32?>(nil)
    private let output = OutputCollector()

    /// Why a program could not be started.
    package struct SpawnFailure: Error, CustomStringConvertible {
        package var executable: String
        package var code: Int32
        package var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Starts `executable` with `arguments`; `environment` adds to (or, with nil values, removes from) ours.
    package init(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], input: Data? = nil,
        workingDirectory: URL? = nil
    ) throws {
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let (stdoutRead, stdoutWrite) = try Self.pipe()
        let (stderrRead, stderrWrite) = try Self.pipe()
        let stdin = try input.map { _ in try Self.pipe() }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin {
            posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdoutWrite, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrWrite, 2)
        cdop_spawn_close_from(&actions, 3)
        if let workingDirectory { cdop_spawn_change_directory(&actions, workingDirectory.path) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(stdoutWrite)
        close(stderrWrite)
        if let stdin { close(stdin.read) }
        guard code == 0 else {
            close(stdoutRead)
            close(stderrRead)
            if let stdin { close(stdin.write) }
            throw SpawnFailure(executable: executable, code: code)
        }
        processIdentifier = pid

        let collector = output
        // One thread per pipe, blocking on read until end of file: every byte the child wrote is seen, even when
        // it exits at once (a readability handler can miss the last chunk).
        Self.drain(
            FileHandle(fileDescriptor: stdoutRead, closeOnDealloc: true), into: { collector.appendOutput($0) },
            finished: { collector.finishOutput() })
        Self.drain(
            FileHandle(fileDescriptor: stderrRead, closeOnDealloc: true), into: { collector.appendError($0) },
            finished: { collector.finishErrors() })
        if let input, let stdin {
            let handle = FileHandle(fileDescriptor: stdin.write, closeOnDealloc: true)
            handle.write(input)
            try handle.close()
        }
        let child = pid
        Thread { [self] in
            var status: Int32 = 0
            while waitpid(child, &status, 0) == -1 && errno == EINTR {}
            ended.withLock { $0 = status }
        }.start()
    }

    /// A pipe whose two ends close on exec: the child gets only the ends made its standard streams.
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard cdop_pipe_closing_on_exec(&ends) == 0 else { throw SpawnFailure(executable: "a pipe", code: errno) }
        return (ends[0], ends[1])
    }

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
    package var isRunning: Bool { ended.withLock { $0 == nil } }

    /// The exit code, or the number of the signal that ended the program (as Foundation's `Process` gives it).
    private var terminationStatus: Int32 {
        let status = ended.withLock { $0 } ?? 0
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : signal
    }

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
            outputLines.filter(predicate).count >= count || (!isRunning && output.isFinished)
        }
        return outputLines.filter(predicate).count >= count
    }

    /// Sends `signal` (SIGKILL by default), waits for the process to end and for its output to be read.
    package func kill(_ signal: Int32 = SIGKILL) async {
        _ = Foundation.kill(processIdentifier, signal)
        _ = await waitForExit()
    }

    /// Waits for the process to end and returns its exit status; lines printed before the end are all read.
    package func waitForExit(timeout: Duration = .seconds(60)) async -> Int32 {
        _ = await Eventually.holds(within: timeout) { !isRunning }
        if isRunning {
            _ = Foundation.kill(processIdentifier, SIGKILL)
            _ = await Eventually.holds(within: .seconds(60)) { !isRunning }
        }
        _ = await Eventually.holds(within: .seconds(30), poll: .milliseconds(2)) { output.isFinished }
        return terminationStatus
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
