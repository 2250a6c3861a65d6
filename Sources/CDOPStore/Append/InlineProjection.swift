/// A read model kept inside the append's transaction, so no page ever shows a state the store does not hold.
///
/// The store calls `apply` with the events just appended (already upcast), before commit; a throw rolls the
/// whole append back. The store then records the projection's checkpoint in the same transaction.
package protocol InlineProjection: Sendable {
    /// A stable name, used as the projection's checkpoint key.
    var name: String { get }
    /// Updates the read model for `events`, in the open transaction of `context`.
    func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws
}

/// What a projection may use while the append's transaction is open: the connection, and the streams as they
/// stand inside it (including the events being appended).
package struct ProjectionContext {
    package let db: any SQLDatabase
    let upcasters: UpcasterRegistry

    package init(db: any SQLDatabase, upcasters: UpcasterRegistry) {
        self.db = db
        self.upcasters = upcasters
    }

    /// Every event of one stream, in order, in its current shape.
    package func readStream(_ streamID: String) throws -> [RecordedEvent] {
        try EventRows(upcasters: upcasters).stream(streamID, fromVersion: 1, in: db)
    }
}
