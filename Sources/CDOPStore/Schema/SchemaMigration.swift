/// A named, forward-only change to the database schema. Applied once, in order, each in its own transaction.
///
/// The store's own tables come first; projections add theirs through `EventStoreOptions.migrations`, in SQL both
/// engines accept (`SQLDatabase`), so PostgreSQL's store applies the same ones.
package struct SchemaMigration: Sendable {
    package var name: String
    package var migrate: @Sendable (any SQLDatabase) throws -> Void

    package init(_ name: String, migrate: @escaping @Sendable (any SQLDatabase) throws -> Void) {
        self.name = name
        self.migrate = migrate
    }

    /// Whether it changes a read model (every read-model migration is named `projections.…`): applied to a
    /// database that already holds events, that read model must then be refilled from the events.
    package var changesReadModels: Bool { name.hasPrefix("projections.") }
}
