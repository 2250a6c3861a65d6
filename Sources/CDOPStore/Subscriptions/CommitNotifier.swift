import Synchronization

/// Wakes subscribers when this process commits to the store.
///
/// A generation counter rises on every commit; a waiter remembers the generation it last saw, so a commit
/// between its read and its wait is never missed.
final class CommitNotifier: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var nextWaiterID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var cancelledBeforeWaiting: Set<UInt64> = []
    }

    private let state = Mutex(State())

    var generation: UInt64 { state.withLock { $0.generation } }

    /// Called after each commit.
    func signal() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.generation &+= 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns after a commit later than generation `seen`, after `timeout`, or on cancellation.
    func wait(after seen: UInt64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForCommit(after: seen) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForCommit(after seen: UInt64) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID &+= 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.generation != seen || state.cancelledBeforeWaiting.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
                state.cancelledBeforeWaiting.insert(id)
                return nil
            }
            waiter?.resume()
        }
        // A cancellation that raced the commit's wake-up left the id behind: forget it, or the set only grows.
        state.withLock { _ = $0.cancelledBeforeWaiting.remove(id) }
    }

    /// Ids kept for cancellations that came before their waiter was registered (for tests: it must not grow).
    package var pendingCancellations: Int { state.withLock { $0.cancelledBeforeWaiting.count } }
}
