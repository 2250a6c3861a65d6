import CDOPDomain
import CDOPPrimitives
import CDOPStore
import Dispatch
import Synchronization

/// The streams shared out over one worker per scratch file. While the caller reads batches of events, each
/// worker decodes and folds, in order, the events of its own streams, then writes its streams' rows into its
/// own scratch file: reading, decoding, folding and writing all go on at once, on every core.
///
/// A stream belongs to one share for the whole replay (by a hash of its id), so its events are folded in
/// order by one worker, and its rows land in one scratch file.
final class ReplayShares: @unchecked Sendable {
    private let workers: [Worker]
    private let group = DispatchGroup()
    private let failed = Atomic<Bool>(false)

    /// Batches a worker may have waiting before the reader waits for it: enough to ride out a run of uneven
    /// batches (measured: 64 replays faster than 16 or 32, for about 50 MB more), few enough that memory stays
    /// bounded.
    private static let batchesAhead = 64

    /// The batches handed out most recently, held by the reader until every worker is done with them, so that
    /// the reader, not a worker, frees each batch. A batch's events were allocated on the reader's thread:
    /// freed on a worker, every one of them went back to the reader's malloc arena under its lock, which the
    /// reader was taking for its own allocations at the same time (measured: about a fifth of the replay).
    /// Only touched by the reader.
    private var handedOut: [[RecordedEvent]] = []

    init(count: Int) {
        workers = (0..<count).map { Worker(share: $0) }
    }

    /// True once a worker has failed: the reader may stop early, as the rebuild will throw.
    var hasFailed: Bool { failed.load(ordering: .relaxed) }

    /// Hands `batch` to every worker, each to fold its own streams' events; waits while a worker is
    /// `batchesAhead` batches behind.
    func fold(_ batch: [RecordedEvent]) {
        let shares = batch.map { Self.share(of: $0.streamID, among: workers.count) }
        for worker in workers {
            worker.room.wait()
            worker.queue.async(group: group) { [self] in
                defer { worker.room.signal() }
                guard worker.failure == nil else { return }
                // Taken out of the worker while folding, so each event mutates it in place.
                var states = worker.states
                worker.states = ReplayedStates()
                defer { worker.states = states }
                do throws(EventCodecError) {
                    // Through the buffer, each event is lent to `apply`, not copied (and its strings retained).
                    try batch.withUnsafeBufferPointer { (events) throws(EventCodecError) in
                        for index in events.indices where shares[index] == worker.share {
                            try states.apply(events[index])
                        }
                    }
                } catch {
                    worker.failure = error
                    failed.store(true, ordering: .relaxed)
                }
            }
        }
        // Having had room on every worker for this batch, each has finished the batch `batchesAhead` before it
        // (a worker's queue runs in order): one more is kept so that its block has been let go too.
        handedOut.append(batch)
        if handedOut.count > Self.batchesAhead + 1 { handedOut.removeFirst() }
    }

    /// After the last batch: each worker, once it has folded everything, writes its streams with `write`
    /// (given its share and its states). Returns when every worker is done, with when the last one finished
    /// folding and how many streams were replayed; throws the first failure.
    func finish(
        write: @escaping @Sendable (Int, ReplayedStates) throws -> Void
    ) throws -> (lastFolded: UInt64, streams: Int) {
        for worker in workers {
            worker.queue.async(group: group) { [self] in
                worker.foldedAt = DispatchTime.now().uptimeNanoseconds
                worker.streams = worker.states.versions.count
                guard worker.failure == nil else { return }
                do {
                    try write(worker.share, worker.states)
                } catch {
                    worker.failure = error
                    failed.store(true, ordering: .relaxed)
                }
                worker.states = ReplayedStates()
            }
        }
        group.wait()
        handedOut.removeAll()
        if let failure = workers.lazy.compactMap(\.failure).first { throw failure }
        return (workers.map(\.foldedAt).max() ?? 0, workers.reduce(0) { $0 + $1.streams })
    }

    /// The share a stream belongs to: FNV-1a of its id, so case streams (random UUIDs) split evenly.
    static func share(of streamID: String, among count: Int) -> Int {
        Int(FNV1a.hash(streamID) % UInt64(count))
    }

    /// One share's serial queue and what it has folded. `states`, `failure`, `foldedAt` and `streams` are only
    /// touched on `queue`, and read by the reader only after waiting on the group.
    private final class Worker: @unchecked Sendable {
        let share: Int
        let queue: DispatchQueue
        let room = DispatchSemaphore(value: ReplayShares.batchesAhead)
        var states = ReplayedStates()
        var failure: (any Error)?
        var foldedAt: UInt64 = 0
        var streams = 0

        init(share: Int) {
            self.share = share
            queue = DispatchQueue(label: "cdop.rebuild.share-\(share)")
        }
    }
}
