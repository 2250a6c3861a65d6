import CDOPDomain
import CDOPStore
import GRDB

/// A read model that keeps one row set per stream of an aggregate, from the aggregate's own folded state.
///
/// For each stream of its kind touched by an append, it reads the stream as it stands inside the transaction,
/// folds it with the aggregate's `evolve`, and hands the state to `write`. The rules that derive a case's stage
/// therefore live once, in the domain, and the read model cannot drift from them. The same `write` serves
/// rebuilds, which fold every stream from the start.
package struct FoldingProjection<D: Decider>: InlineProjection where D.Event: DomainEvent {
    package let name: String
    /// Streams of this aggregate start with this prefix and a dash, e.g. "case".
    package let streamPrefix: String
    /// Replaces the rows of one stream with those of `state` (at `version`).
    package let write: @Sendable (_ state: D.State, _ streamID: String, _ version: Int64, _ db: Database) throws -> Void

    package init(
        name: String, streamPrefix: String,
        write: @escaping @Sendable (_ state: D.State, _ streamID: String, _ version: Int64, _ db: Database) throws -> Void
    ) {
        self.name = name
        self.streamPrefix = streamPrefix
        self.write = write
    }

    package func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
        var seen: Set<String> = []
        for event in events where owns(event.streamID) && seen.insert(event.streamID).inserted {
            let stream = try context.readStream(event.streamID)
            try write(try Self.fold(stream), event.streamID, stream.last?.streamVersion ?? 0, context.db)
        }
    }

    /// Whether a stream belongs to this aggregate.
    package func owns(_ streamID: String) -> Bool {
        streamID.hasPrefix(streamPrefix + "-")
    }

    /// The state that a stream's recorded events lead to.
    package static func fold(_ recorded: [RecordedEvent]) throws -> D.State {
        var state = D.initialState
        for event in recorded {
            state = D.evolve(state, try event.decoded(as: D.Event.self))
        }
        return state
    }
}
