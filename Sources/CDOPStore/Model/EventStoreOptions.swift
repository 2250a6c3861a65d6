import Foundation

/// How an event store opens its database.
package struct EventStoreOptions: Sendable {
    /// What a commit waits for before it is acknowledged.
    package enum Durability: String, Sendable {
        /// Survives a killed process; the last commits may be lost on power failure (`synchronous=NORMAL`).
        case processCrash
        /// Survives power failure: every commit is fsynced (`synchronous=FULL`).
        case powerLoss
    }

    /// How long a writer waits for another process's write to finish before giving up.
    package var busyTimeout: TimeInterval = 10
    package var durability: Durability = .powerLoss
    package var upcasters = UpcasterRegistry()
    /// Seals personal fields as events are written and opens them as they are read (none: stored as given).
    package var protection: (any StoredDataProtection)? {
        get { upcasters.protection }
        set { upcasters.protection = newValue }
    }
    /// Whether a new stream's people are new to the keys file, so their keys are made without asking it (as every
    /// new case's are). False for a copy of a panel (`cdop copy`), whose streams are new here but whose people's
    /// keys the keys file already holds.
    package var newStreamsHaveNewSubjects = true
    package var inlineProjections: [any InlineProjection] = []
    /// Further schema migrations (the projections' tables), applied after the store's own.
    package var migrations: [SchemaMigration] = []
    /// How often a subscription looks for events written by other processes when not woken by a commit here.
    package var subscriptionPollInterval: Duration = .seconds(1)
    /// The most memory each connection's page cache may hold, in KiB (SQLite's `cache_size`, 2,000 by default).
    /// A pool holds the writer and up to `maximumReaders` readers, each with its own cache.
    package var pageCacheKiB = 2000
    /// How many connections may read at once beside the writer.
    package var maximumReaders = 5

    package init() {}
}
