import CDOPStore
import Foundation
import GRDB
import Synchronization

/// Folded aggregate states kept in memory, so a command or a projection decodes only the events appended since
/// it last saw a stream, not the whole stream every time.
///
/// An entry is trusted only when the database still holds, at the entry's version, the very event the entry
/// was folded up to (its id): a rolled-back append, or another process writing the stream, can never be taken
/// for a hit. Bounded: the least recently used streams are forgotten first.
package final class StateCache: Sendable {
    private struct Entry {
        var version: Int64
        var lastEventID: UUID
        var state: any Sendable
        var used: UInt64
    }

    private struct Storage {
        var entries: [String: Entry] = [:]
        var clock: UInt64 = 0
    }

    private let storage = Mutex(Storage())
    package let capacity: Int

    package init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// The cached state of a stream with its version and last event id, if any.
    package func entry<State: Sendable>(_ streamID: String, as type: State.Type) -> (
        state: State, version: Int64, lastEventID: UUID
    )? {
        storage.withLock { storage in
            guard var entry = storage.entries[streamID], let state = entry.state as? State else { return nil }
            storage.clock &+= 1
            entry.used = storage.clock
            storage.entries[streamID] = entry
            return (state, entry.version, entry.lastEventID)
        }
    }

    /// Forgets a stream's state (its personal data was just erased: the next fold reads the events again).
    package func forget(_ streamID: String) {
        storage.withLock { _ = $0.entries.removeValue(forKey: streamID) }
    }

    /// Event types after which a state kept from before them is not folded on but made again from the first
    /// event: an erasure changes how the earlier events read.
    package static let refoldingTypes: Set<String> = ["case.subjectErased.v1"]

    /// Remembers a stream's state at `version`, whose last event is `lastEventID`.
    package func store<State: Sendable>(_ streamID: String, state: State, version: Int64, lastEventID: UUID) {
        storage.withLock { storage in
            storage.clock &+= 1
            storage.entries[streamID] = Entry(
                version: version, lastEventID: lastEventID, state: state, used: storage.clock)
            if storage.entries.count > capacity {
                // The least recently used quarter goes: found by sorting the use marks alone (sorting the entries,
                // each a string and a boxed state, was a tenth of a large import's writing).
                let drop = storage.entries.count - capacity * 3 / 4
                let newestDropped = storage.entries.values.map(\.used).sorted()[drop - 1]
                let oldest = storage.entries.compactMap { $0.value.used <= newestDropped ? $0.key : nil }
                for key in oldest { storage.entries.removeValue(forKey: key) }
            }
        }
    }

    /// The id of the event at `version` of a stream, as the database holds it now.
    package static func eventID(of streamID: String, at version: Int64, in db: any SQLDatabase) throws -> UUID? {
        try db.value(
            String.self, "SELECT event_id FROM events WHERE stream_id = ? AND stream_version = ?", streamID, version
        ).flatMap(UUID.init(uuidString:))
    }
}
