/// The append-only event store over SQLite.
package enum CDOPStoreModule {}
