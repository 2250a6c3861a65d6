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
    /// Replaces the rows of one stream with those of `state` (at `version`). `fresh`: this append holds the
    /// stream's first event, so the tables hold no row of it yet and nothing stored needs reading back.
    package let write:
        @Sendable (_ state: D.State, _ streamID: String, _ version: Int64, _ fresh: Bool, _ db: any SQLDatabase) throws
            -> Void
    /// Folded states shared with the command handler; nil folds every stream from its start.
    package let cache: StateCache?

    package init(
        name: String, streamPrefix: String, cache: StateCache? = nil,
        write:
            @escaping @Sendable (
                _ state: D.State, _ streamID: String, _ version: Int64, _ fresh: Bool, _ db: any SQLDatabase
            )
            throws -> Void
    ) {
        self.name = name
        self.streamPrefix = streamPrefix
        self.cache = cache
        self.write = write
    }

    /// The same projection sharing `cache`.
    package func sharing(_ cache: StateCache) -> FoldingProjection {
        FoldingProjection(name: name, streamPrefix: streamPrefix, cache: cache, write: write)
    }

    package func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
        let byStream = Dictionary(grouping: events.filter { owns($0.streamID) }, by: \.streamID)
        for (streamID, appended) in byStream.sorted(by: { $0.value[0].position < $1.value[0].position }) {
            let (state, cached) = try stateAfter(appended, of: streamID, in: context)
            let last = appended[appended.count - 1]
            if !cached { cache?.store(streamID, state: state, version: last.streamVersion, lastEventID: last.eventID) }
            try write(state, streamID, last.streamVersion, appended[0].streamVersion == 1, context.db)
        }
    }

    /// The state after `appended` (the stream's newest events): the state the command that decided them
    /// folded, when it left it in the cache; else from the cached state just before them when it can be
    /// trusted; else folded from the start.
    /// `cached`: the state is already in the cache at this version.
    private func stateAfter(
        _ appended: [RecordedEvent], of streamID: String, in context: ProjectionContext
    ) throws -> (state: D.State, cached: Bool) {
        let before = appended[0].streamVersion - 1
        let last = appended[appended.count - 1]
        if let cache, let cached = cache.entry(streamID, as: D.State.self), cached.version == last.streamVersion,
            cached.lastEventID == last.eventID
        {
            // Named by the id of an event this very append wrote, so folded from exactly these events.
            #if DEBUG
                // Checked against a fold of the stored events: every append to a stream's first 256 events, then
                // at each power of two, so that a stream of thousands of link openings costs a debug server
                // twice its length in decoding rather than its length for every append.
                let version = last.streamVersion
                if version <= 256 || version & (version - 1) == 0 {
                    let folded = try Self.fold(try context.readStream(streamID))
                    precondition(
                        folded == cached.state,
                        "\(streamID): the command's folded state differs from its stored events'")
                }
            #endif
            return (cached.state, true)
        }
        if let cache, let cached = cache.entry(streamID, as: D.State.self), cached.version == before,
            try StateCache.eventID(of: streamID, at: before, in: context.db) == cached.lastEventID
        {
            var state = cached.state
            for event in appended { state = D.evolve(state, try event.decoded(as: D.Event.self)) }
            return (state, false)
        }
        return (try Self.fold(try context.readStream(streamID)), false)
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
