import CDOPPrimitives
import Foundation
import GRDB

/// Events read inside a transaction on either engine: on SQLite through the store's raw reader, elsewhere
/// from the same columns of the same `events` table, in their current shape (upcast, personal fields opened).
package struct EventRows {
    package let upcasters: UpcasterRegistry

    package init(upcasters: UpcasterRegistry) {
        self.upcasters = upcasters
    }

    /// The last global position committed, as a transaction sees it; 0 for an empty log.
    package static func lastPosition(in db: any SQLDatabase) throws -> Int64 {
        try db.value(Int64.self, "SELECT MAX(position) FROM events") ?? 0
    }

    /// The events of one stream from `first` through `last` (stream versions), in order.
    package func stream(
        _ streamID: String, fromVersion first: Int64, throughVersion last: Int64 = .max, in db: any SQLDatabase
    ) throws -> [RecordedEvent] {
        if let db = db as? Database {
            return try EventStore.readStream(
                streamID, fromVersion: first, throughVersion: last, upcasters: upcasters, in: db)
        }
        return try read(
            "WHERE stream_id = ? AND stream_version >= ? AND stream_version <= ? ORDER BY stream_version",
            [streamID, first, last], in: db)
    }

    /// Up to `limit` events matching `condition` (SQL over the events table's columns, its `?` bound in order to
    /// `arguments`), newest first.
    package func newest(where condition: String, arguments: [String], limit: Int, in db: any SQLDatabase) throws
        -> [RecordedEvent]
    {
        if let db = db as? Database {
            return try EventStore.readNewest(
                where: condition, arguments: arguments, limit: limit, upcasters: upcasters, in: db)
        }
        return try read(
            "WHERE \(condition) ORDER BY position DESC LIMIT ?", arguments.map { $0 } + [limit], in: db)
    }

    /// The events matching `condition` (SQL over the events table's columns, which may end with its ORDER BY).
    package func matching(_ condition: String, arguments: SQLArguments, in db: any SQLDatabase) throws
        -> [RecordedEvent]
    {
        try read("WHERE " + condition, arguments, in: db)
    }

    private func read(_ clause: String, _ arguments: SQLArguments, in db: any SQLDatabase) throws -> [RecordedEvent] {
        try db.rows("SELECT \(EventRowReader.columns) FROM events \(clause)", arguments: arguments).map { row in
            guard let eventID = UUID(uuidString: row["event_id"]),
                let recordedAt = UTCTimestamp.parse(row["recorded_at"] as String)
            else {
                throw EventStoreError.storage(
                    code: -1, message: "event \(row["position"] as Int64) has a malformed id or timestamp")
            }
            let event = RecordedEvent(
                position: row["position"], eventID: eventID, streamID: row["stream_id"],
                streamVersion: row["stream_version"], type: row["type"], schemaVersion: row["schema_version"],
                data: row["data"], metadata: row["metadata"], recordedAt: recordedAt)
            return upcasters.isEmpty ? event : try upcasters.upcast(event)
        }
    }
}
