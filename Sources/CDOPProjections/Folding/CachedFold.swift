import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// A stream's state as a transaction or snapshot sees it, through the state cache: the cached state when it is
/// current, the cached state and the events since when it is behind, else every event folded from the start.
/// Commands (inside their write transaction) and pages (on a read snapshot) both read states this way, so a case
/// whose stream holds thousands of link openings is not decoded whole for each page.
package enum CachedFold {
    /// `cache` is consulted first, then `snapshots`; the state read is kept in `snapshots` when given (a read on a
    /// snapshot), else in `cache` (a command in its write transaction). An entry newer than the state read stays.
    package static func state<D: Decider>(
        of decider: D.Type, _ streamID: String, store: any EventDatabase, cache: StateCache?,
        snapshots: StateCache? = nil,
        in db: any SQLDatabase
    ) throws -> (state: D.State, version: Int64) where D.Event: DomainEvent {
        let latest = try db.row(
            "SELECT stream_version, event_id FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1",
            streamID)
        guard let latest else { return (D.initialState, 0) }
        let version: Int64 = latest[0]
        let lastEventID = UUID(uuidString: latest[1] as String)
        var state = D.initialState
        var from: Int64 = 1
        // The newest usable entry: at or before this version, and folded up to the event the database holds there.
        for candidate in [cache, snapshots].compactMap({ $0?.entry(streamID, as: D.State.self) }) {
            guard candidate.version <= version, candidate.version >= from else { continue }
            if candidate.version == version, candidate.lastEventID == lastEventID {
                return (candidate.state, version)
            }
            if try StateCache.eventID(of: streamID, at: candidate.version, in: db) == candidate.lastEventID {
                state = candidate.state
                from = candidate.version + 1
            }
        }
        var recorded = try store.readStream(streamID, fromVersion: from, in: db)
        if recorded.contains(where: { StateCache.refoldingTypes.contains($0.type) }) {
            // An erasure, perhaps by another process whose change to the keys this one has not looked for yet:
            // look now, then fold every event again (the earlier ones now open to their erased values).
            try store.options.protection?.lookAgainAtKeys()
            state = D.initialState
            recorded = try store.readStream(streamID, fromVersion: 1, in: db)
        }
        for event in recorded { state = D.evolve(state, try event.decoded(as: D.Event.self)) }
        let keeper = snapshots ?? cache
        if let lastEventID, let keeper, (keeper.entry(streamID, as: D.State.self)?.version ?? 0) <= version {
            keeper.store(streamID, state: state, version: version, lastEventID: lastEventID)
        }
        return (state, version)
    }
}
