import GRDB

/// The event store's own tables: the append-only `events`, command ids and consumer checkpoints.
enum StoreSchema {
    static let migrations: [SchemaMigration] = [
        SchemaMigration("store.v1.events") { db in
            try db.execute(createEvents)
            try db.execute(createAppendOnlyTriggers)
            try db.execute(createCommands)
            try db.execute(createCheckpoints)
        }
    ]

    /// `position` is the rowid: gap-free and in commit order, since there is one writer and no deletes.
    static let createEvents = """
        CREATE TABLE events (
            position       INTEGER PRIMARY KEY,
            event_id       TEXT    NOT NULL UNIQUE CHECK (length(event_id) = 36),
            stream_id      TEXT    NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
            stream_version INTEGER NOT NULL CHECK (stream_version >= 1),
            type           TEXT    NOT NULL CHECK (length(type) >= 1),
            schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
            data           TEXT    NOT NULL CHECK (json_valid(data)),
            metadata       TEXT    NOT NULL CHECK (json_valid(metadata)),
            recorded_at    TEXT    NOT NULL CHECK (length(recorded_at) = 24),
            UNIQUE (stream_id, stream_version)
        )
        """

    /// The database itself refuses to change or remove an event, whoever asks.
    static let createAppendOnlyTriggers = """
        CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be changed'); END;
        CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be deleted'); END;
        """

    /// A handled command, per stream it wrote to, so a retried command is recognised and answered the same.
    static let createCommands = """
        CREATE TABLE commands (
            command_id     TEXT    NOT NULL,
            stream_id      TEXT    NOT NULL,
            first_position INTEGER NOT NULL,
            last_position  INTEGER NOT NULL,
            stream_version INTEGER NOT NULL,
            recorded_at    TEXT    NOT NULL,
            PRIMARY KEY (command_id, stream_id)
        ) WITHOUT ROWID
        """

    /// How far each consumer (projection, dispatcher) has read, written in the consumer's own transaction.
    static let createCheckpoints = """
        CREATE TABLE checkpoints (
            name     TEXT    NOT NULL PRIMARY KEY,
            position INTEGER NOT NULL CHECK (position >= 0)
        ) WITHOUT ROWID
        """

    static let insertEvent = """
        INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
}
