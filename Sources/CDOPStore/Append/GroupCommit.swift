import Dispatch
import GRDB
import Synchronization

/// Group commit: writes that arrive while a transaction is being committed share the next transaction and its
/// fsync, instead of each waiting for a commit of its own.
///
/// Each write is a job. A caller with no commit in flight runs its job at once, on its own thread (an uncontended
/// write costs what it did before). Jobs that arrive meanwhile queue; they are then run together, in arrival
/// order, in one IMMEDIATE transaction, each inside a savepoint of its own: a job that throws is rolled back alone
/// and gets its own error, and every other job keeps its writes. Each caller learns its outcome only after the
/// shared COMMIT returns: if the commit fails (or SQLite abandons the transaction, as it does when the disk is
/// full), every job of the batch gets that error and none of their writes stay. A job sees the writes of the jobs
/// before it in the batch, so a repeated command id is recognised as before.
package final class GroupCommit: Sendable {
    /// One queued write: the body, and what became of it.
    private final class Job: @unchecked Sendable {
        // The fields are set by the committing thread before `finished` is signalled and read by the caller after.
        let body: (Database) throws -> Void
        var failure: (any Error)?
        /// Set, before the job is queued, for an asynchronous caller; a synchronous caller waits on `finished`.
        var continuation: CheckedContinuation<Void, Never>?
        private let finished = DispatchSemaphore(value: 0)

        init(body: @escaping (Database) throws -> Void) {
            self.body = body
        }

        func finish(failure: (any Error)?) {
            self.failure = failure
            if let continuation {
                self.continuation = nil
                continuation.resume()
            } else {
                finished.signal()
            }
        }

        func waitUntilFinished() { finished.wait() }
    }

    private struct Queue {
        var pending: [Job] = []
        /// True while some thread is committing: new jobs queue rather than start a transaction.
        var committing = false
        var statistics = Statistics()
    }

    /// How many transactions carried how many writes, since the store was opened (a metric, and for tests).
    package struct Statistics: Sendable, Equatable {
        package var transactions = 0
        package var writes = 0
    }

    package var statistics: Statistics { queue.withLock { $0.statistics } }
    /// The writes waiting for the transaction in flight.
    package var waiting: Int { queue.withLock { $0.pending.count } }

    private let database: DatabasePool
    /// The most jobs one transaction takes; the rest wait for the next.
    private let maximumBatch: Int
    private let queue = Mutex(Queue())
    /// Where queued jobs are committed when no caller's thread is free to do it.
    private let committer = DispatchQueue(label: "cdop.store.group-commit")

    init(database: DatabasePool, maximumBatch: Int = 256) {
        self.database = database
        self.maximumBatch = maximumBatch
    }

    /// Runs `body` in a write transaction (shared with other writers when they overlap) and returns once that
    /// transaction is committed; rethrows the body's error, or the commit's.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
            var result: T?
            let job = Job(body: { db in result = try body(db) })
            let leads = queue.withLock { queue -> Bool in
                if queue.committing {
                    queue.pending.append(job)
                    return false
                }
                queue.committing = true
                return true
            }
            if leads {
                commit([job])
                handOver()
            } else {
                job.waitUntilFinished()
            }
            if let failure = job.failure { throw failure }
            return result!
        }
    }

    /// The asynchronous form: the job always queues, and is committed on the committer's queue.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = ResultBox<T>()
        let job = Job(body: { db in result.value = try body(db) })
        await withCheckedContinuation { continuation in
            job.continuation = continuation
            let starts = queue.withLock { queue -> Bool in
                queue.pending.append(job)
                defer { queue.committing = true }
                return !queue.committing
            }
            if starts { committer.async { self.drain() } }
        }
        if let failure = job.failure { throw failure }
        return result.value!
    }

    /// After a caller committed its own job: the jobs that queued meanwhile are committed on the committer's queue,
    /// so the caller returns without waiting for them.
    private func handOver() {
        let more = queue.withLock { queue -> Bool in
            if queue.pending.isEmpty { queue.committing = false }
            return !queue.pending.isEmpty
        }
        if more { committer.async { self.drain() } }
    }

    /// Commits queued jobs, a batch a transaction, until none are left.
    private func drain() {
        while true {
            let batch = queue.withLock { queue -> [Job] in
                let batch = Array(queue.pending.prefix(maximumBatch))
                queue.pending.removeFirst(batch.count)
                if batch.isEmpty { queue.committing = false }
                return batch
            }
            if batch.isEmpty { return }
            commit(batch)
        }
    }

    /// Runs `jobs` in one transaction, each in a savepoint when there are several, and tells each its outcome
    /// once the transaction is committed or has failed.
    private func commit(_ jobs: [Job]) {
        var failures = [(any Error)?](repeating: nil, count: jobs.count)
        queue.withLock { queue in
            queue.statistics.transactions += 1
            queue.statistics.writes += jobs.count
        }
        do {
            try database.write { db in
                if jobs.count == 1 {
                    try jobs[0].body(db)
                    return
                }
                for (index, job) in jobs.enumerated() {
                    do {
                        try db.inSavepoint {
                            try job.body(db)
                            return .commit
                        }
                    } catch {
                        // SQLite abandons the whole transaction on some errors (a full disk, an I/O error): then
                        // the earlier jobs' writes are gone too, and no later job may run outside a transaction.
                        guard db.isInsideTransaction else { throw AbandonedTransaction(cause: error) }
                        failures[index] = error
                    }
                }
            }
        } catch let abandoned as AbandonedTransaction {
            for job in jobs { job.finish(failure: abandoned.cause) }
            return
        } catch {
            for job in jobs { job.finish(failure: error) }
            return
        }
        for (job, failure) in zip(jobs, failures) { job.finish(failure: failure) }
    }

    private struct AbandonedTransaction: Error {
        let cause: any Error
    }
}

/// A result handed from the committing thread to an asynchronous caller.
private final class ResultBox<T>: @unchecked Sendable {
    // Written by the committing thread before the job's continuation resumes; read after it.
    var value: T?
}
