import GRDB

/// A named, forward-only change to the database schema. Applied once, in order, each in its own transaction.
///
/// The store's own tables come first; projections add theirs through `EventStoreOptions.migrations`.
package struct SchemaMigration: Sendable {
    package var name: String
    package var migrate: @Sendable (Database) throws -> Void

    package init(_ name: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.migrate = migrate
    }
}
