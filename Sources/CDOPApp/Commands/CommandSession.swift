import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// One attempt at a command: loads the streams it touches, lets the deciders decide, and collects the
/// events to append, each stream with the version it was loaded at.
///
/// A session may decide on several streams (a confirmed duplicate writes to both cases) and more than once on
/// the same stream; the state it sees includes what it has already decided.
package final class CommandSession {
    package let context: DecisionContext
    package let db: any SQLDatabase
    let store: any EventDatabase
    let cache: StateCache?
    /// False for a session that only decides, to see what would be refused (a historic import's check): its
    /// events are folded into the states it holds but never encoded, and it has nothing to append.
    let records: Bool
    private var loaded: [String: LoadedStream] = [:]
    private var order: [String] = []

    private struct LoadedStream {
        var state: any Sendable
        var version: Int64
        var pending: [EncodedEvent] = []
    }

    init(
        store: any EventDatabase, db: any SQLDatabase, context: DecisionContext, cache: StateCache?,
        records: Bool = true
    ) {
        self.store = store
        self.db = db
        self.context = context
        self.cache = cache
        self.records = records
    }

    /// The current state of a stream, and its version; a stream that does not exist is at version 0.
    package func state<D: Decider>(of decider: D.Type, _ streamID: String) throws(CommandError) -> (
        state: D.State, version: Int64
    )
    where D.Event: DomainEvent {
        if let stream = loaded[streamID], let state = stream.state as? D.State {
            return (state, stream.version)
        }
        let (state, version): (D.State, Int64)
        do {
            (state, version) = try CachedFold.state(of: D.self, streamID, store: store, cache: cache, in: db)
        } catch let error as CommandError {
            throw error
        } catch let error as EventCodecError {
            throw .unreadableEvent(error)
        } catch {
            throw .store(error as? EventStoreError ?? .storage(code: -1, message: "\(type(of: error))"))
        }
        loaded[streamID] = LoadedStream(state: state, version: version)
        order.append(streamID)
        return (state, version)
    }

    /// Starts a stream this command creates under an id made for it, without asking the database for it: its
    /// events are appended expecting no stream, so one that existed after all is refused there.
    package func startNew<D: Decider>(_ decider: D.Type, _ streamID: String) {
        guard loaded[streamID] == nil else { return }
        loaded[streamID] = LoadedStream(state: D.initialState, version: 0)
        order.append(streamID)
    }

    /// Decides `command` on a stream and queues the resulting events; returns them.
    @discardableResult
    package func decide<D: Decider>(_ decider: D.Type, _ streamID: String, _ command: D.Command) throws(CommandError)
        -> [D.Event]
    where D.Event: DomainEvent {
        let (state, _) = try state(of: D.self, streamID)
        let events: [D.Event]
        do {
            events = try D.decide(command, state: state, context: context)
        } catch {
            throw .rejected(error)
        }
        var encoded: [EncodedEvent] = []
        for event in events where records {
            do {
                encoded.append(try EventCodec.encode(event))
            } catch {
                throw .unreadableEvent(error)
            }
        }
        loaded[streamID]!.state = D.fold(events, from: state)
        loaded[streamID]!.pending += encoded
        return events
    }

    /// What this attempt will append: one share per stream with new events, expecting the loaded version.
    ///
    /// Each stream's state after them goes to the state cache under the new last event's id, so the read models'
    /// projections, in the same transaction, take it rather than read back and decode the events just written.
    /// The id is this attempt's own: if the append does not commit, no stored event ever carries it, and the
    /// entry is never used.
    func appends(metadata: Data) -> [StreamAppend] {
        order.compactMap { streamID in
            guard let stream = loaded[streamID], !stream.pending.isEmpty else { return nil }
            let events = stream.pending.map {
                NewEvent(
                    eventID: UUID(), type: $0.type, schemaVersion: $0.schemaVersion, data: $0.data, metadata: metadata)
            }
            cache?.store(
                streamID, state: stream.state, version: stream.version + Int64(events.count),
                lastEventID: events[events.count - 1].eventID)
            return StreamAppend(
                streamID: streamID, expected: stream.version == 0 ? .noStream : .exact(stream.version), events: events)
        }
    }
}
