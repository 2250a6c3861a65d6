/// The event log's tables on PostgreSQL: the append-only `events`, the commands handled and the consumers'
/// checkpoints, as the SQLite store keeps them. Data, metadata and times are stored as the text given, byte for
/// byte (`json` would keep it too, but `jsonb` would not), so a copy between the engines compares equal.
enum PostgresSchema {
    /// Each migration once, in order, recorded in `cdop_migrations`; run holding a transaction-scoped advisory
    /// lock, so nodes starting together do not both apply one.
    static let migrations: [(name: String, sql: [String])] = [
        (
            "store.v1.events",
            [
                """
                CREATE TABLE events (
                    position       bigint  PRIMARY KEY CHECK (position >= 1),
                    event_id       uuid    NOT NULL UNIQUE,
                    stream_id      text    NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
                    stream_version bigint  NOT NULL CHECK (stream_version >= 1),
                    type           text    NOT NULL CHECK (length(type) >= 1),
                    schema_version integer NOT NULL CHECK (schema_version >= 1),
                    data           text    NOT NULL CHECK (data::json IS NOT NULL),
                    metadata       text    NOT NULL CHECK (metadata::json IS NOT NULL),
                    recorded_at    text    NOT NULL CHECK (length(recorded_at) = 24),
                    UNIQUE (stream_id, stream_version)
                )
                """,
                """
                CREATE FUNCTION cdop_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'events are append-only: % of an event is refused', TG_OP
                        USING ERRCODE = 'restrict_violation';
                END
                $$
                """,
                """
                CREATE TRIGGER events_are_never_changed BEFORE UPDATE OR DELETE ON events
                FOR EACH ROW EXECUTE FUNCTION cdop_events_are_append_only()
                """,
                """
                CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events
                FOR EACH STATEMENT EXECUTE FUNCTION cdop_events_are_append_only()
                """,
                """
                CREATE TABLE commands (
                    command_id     uuid   NOT NULL,
                    stream_id      text   NOT NULL,
                    first_position bigint NOT NULL,
                    last_position  bigint NOT NULL,
                    stream_version bigint NOT NULL,
                    recorded_at    text   NOT NULL,
                    PRIMARY KEY (command_id, stream_id)
                )
                """,
                """
                CREATE TABLE checkpoints (
                    name     text   PRIMARY KEY,
                    position bigint NOT NULL CHECK (position >= 0)
                )
                """,
            ]
        )
    ]

    /// The advisory lock every append holds until its transaction ends: one appender at a time, so positions
    /// are allocated and become visible in the same order (PostgreSQL marks a transaction committed before it
    /// releases its locks), and a reader never sees a position appear behind one it has read.
    static let appendLock: Int64 = 0x6364_6F70_0001
    /// The advisory lock migrations run under.
    static let migrationLock: Int64 = 0x6364_6F70_0002
    /// The channel each append notifies, with its last position, as it commits.
    static let channel = "cdop_events"
}
