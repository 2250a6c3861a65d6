/// Waiting for something to happen by checking it until a deadline, in place of sleeping for a guessed time.
///
/// A test that sleeps before looking passes or fails with the machine's load; one that waits on the condition
/// goes on the moment it holds and, when it never does, fails saying what it waited for.
package enum Eventually {
    /// What a wait throws when its time runs out: it names what it waited for.
    package struct TimedOut: Error, CustomStringConvertible {
        package let awaited: String
        package let timeout: Duration

        package var description: String { "waited \(timeout) for \(awaited), in vain" }
    }

    /// Checks `condition` every `poll` until it holds, and throws `TimedOut` naming `awaited` if `timeout`
    /// passes first.
    package static func wait(
        for awaited: String, timeout: Duration = .seconds(60), poll: Duration = .milliseconds(5),
        until condition: () async throws -> Bool
    ) async throws {
        guard try await holds(within: timeout, poll: poll, condition) else {
            throw TimedOut(awaited: awaited, timeout: timeout)
        }
    }

    /// Checks `condition` every `poll` until it holds (true) or `timeout` passes (false); it is checked once more
    /// at the deadline.
    package static func holds(
        within timeout: Duration, poll: Duration = .milliseconds(5), _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: poll)
        }
        return try await condition()
    }
}
