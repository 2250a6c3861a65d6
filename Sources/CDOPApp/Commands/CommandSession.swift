import CDOPDomain
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
    package let db: Database
    let store: EventStore
    private var loaded: [String: LoadedStream] = [:]
    private var order: [String] = []

    private struct LoadedStream {
        var state: any Sendable
        var version: Int64
        var pending: [EncodedEvent] = []
    }

    init(store: EventStore, db: Database, context: DecisionContext) {
        self.store = store
        self.db = db
        self.context = context
    }

    /// The current state of a stream, and its version; a stream that does not exist is at version 0.
    package func state<D: Decider>(of decider: D.Type, _ streamID: String) throws(CommandError) -> (state: D.State, version: Int64)
    where D.Event: DomainEvent {
        if let stream = loaded[streamID], let state = stream.state as? D.State {
            return (state, stream.version)
        }
        let recorded: [RecordedEvent]
        do {
            recorded = try store.readStream(streamID, in: db)
        } catch {
            throw .store(error as? EventStoreError ?? .storage(code: -1, message: "\(type(of: error))"))
        }
        var state = D.initialState
        for event in recorded {
            do {
                state = D.evolve(state, try event.decodedEvent(as: D.Event.self))
            } catch {
                throw .unreadableEvent(error)
            }
        }
        loaded[streamID] = LoadedStream(state: state, version: recorded.last?.streamVersion ?? 0)
        order.append(streamID)
        return (state, recorded.last?.streamVersion ?? 0)
    }

    /// Decides `command` on a stream and queues the resulting events; returns them.
    @discardableResult
    package func decide<D: Decider>(_ decider: D.Type, _ streamID: String, _ command: D.Command) throws(CommandError) -> [D.Event]
    where D.Event: DomainEvent {
        let (state, _) = try state(of: D.self, streamID)
        let events: [D.Event]
        do {
            events = try D.decide(command, state: state, context: context)
        } catch {
            throw .rejected(error)
        }
        var encoded: [EncodedEvent] = []
        for event in events {
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
    func appends(metadata: Data) -> [StreamAppend] {
        order.compactMap { streamID in
            guard let stream = loaded[streamID], !stream.pending.isEmpty else { return nil }
            return StreamAppend(
                streamID: streamID, expected: stream.version == 0 ? .noStream : .exact(stream.version),
                events: stream.pending.map {
                    NewEvent(eventID: UUID(), type: $0.type, schemaVersion: $0.schemaVersion, data: $0.data, metadata: metadata)
                })
        }
    }
}

extension RecordedEvent {
    /// The domain event this stored event holds.
    package func decodedEvent<Event: DomainEvent>(as type: Event.Type = Event.self) throws(EventCodecError) -> Event {
        try EventCodec.decode(EncodedEvent(type: self.type, schemaVersion: schemaVersion, data: data), as: Event.self)
    }
}
