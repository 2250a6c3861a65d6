import GRDB

/// A read model kept inside the append's transaction, so no page ever shows a state the store does not hold.
///
/// The store calls `apply` with the events just appended (already upcast), before commit; a throw rolls the
/// whole append back. The store then records the projection's checkpoint in the same transaction.
package protocol InlineProjection: Sendable {
    /// A stable name, used as the projection's checkpoint key.
    var name: String { get }
    /// Updates the read model for `events`, in `db`'s open transaction.
    func apply(_ events: [RecordedEvent], in db: Database) throws
}
