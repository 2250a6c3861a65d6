import CDOPStore

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
        ),
        ("store.v2.append-function", [appendFunction]),
        (
            "store.v3.nocase-collation",
            [
                // SQLite's NOCASE, which the read models' names are compared and ordered by: case-insensitive, by
                // ICU (every alphabet's case, where SQLite folds only ASCII's).
                "CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)"
            ]
        ),
        // The read-model migrations still owed a refill from the events (`ReadModelRefill`), as on SQLite.
        ("store.v4.read-models-to-refill", [ReadModelRefill.createTable]),
    ]

    /// One stream's share of an append, in one round trip: the command and the event ids looked for, the
    /// expected version checked, the positions allocated after the last, the rows inserted, the command recorded
    /// and the commit notified, all under the append lock. Its `status`:
    /// - `appended`: positions `first_position`...`last_position`, the stream now at `stream_version`;
    /// - `command-handled`: the command id is recorded already (the caller reads its results); asked only for a
    ///   command's first share, since its later shares find the rows its earlier ones recorded;
    /// - `stored-already`: `stored_count` of the event ids are stored (the caller compares them, opened);
    /// - `wrong-version`: the stream is at `stream_version`, which `expected` refuses; nothing was written.
    static let appendFunction = """
        CREATE OR REPLACE FUNCTION cdop_append(
            p_stream text, p_expected_kind text, p_expected bigint, p_ids uuid[], p_types text[],
            p_schema_versions integer[], p_data text[], p_metadata text[], p_recorded_at text, p_command uuid,
            p_first_share boolean, OUT status text, OUT first_position bigint, OUT last_position bigint, OUT stream_version bigint,
            OUT stored_count integer)
        LANGUAGE plpgsql AS $$
        DECLARE
            v_actual bigint;
            v_next bigint;
        BEGIN
            PERFORM pg_advisory_xact_lock(\(appendLock));
            IF p_command IS NOT NULL AND p_first_share
                    AND EXISTS (SELECT 1 FROM commands c WHERE c.command_id = p_command) THEN
                status := 'command-handled';
                RETURN;
            END IF;
            SELECT count(*) INTO stored_count FROM events e WHERE e.event_id = ANY (p_ids);
            IF stored_count > 0 THEN
                status := 'stored-already';
                RETURN;
            END IF;
            SELECT COALESCE(max(e.stream_version), 0) INTO v_actual FROM events e WHERE e.stream_id = p_stream;
            IF NOT (p_expected_kind = 'any' OR (p_expected_kind = 'no-stream' AND v_actual = 0)
                    OR (p_expected_kind = 'stream-exists' AND v_actual > 0)
                    OR (p_expected_kind = 'exact' AND v_actual = p_expected)) THEN
                status := 'wrong-version';
                stream_version := v_actual;
                RETURN;
            END IF;
            SELECT COALESCE(max(e.position), 0) + 1 INTO v_next FROM events e;
            INSERT INTO events (position, event_id, stream_id, stream_version, type, schema_version, data, metadata,
                recorded_at)
            SELECT v_next + x.n - 1, x.id, p_stream, v_actual + x.n, x.type, x.schema_version, x.data, x.metadata,
                p_recorded_at
            FROM unnest(p_ids, p_types, p_schema_versions, p_data, p_metadata)
                WITH ORDINALITY AS x(id, type, schema_version, data, metadata, n);
            first_position := v_next;
            last_position := v_next + cardinality(p_ids) - 1;
            stream_version := v_actual + cardinality(p_ids);
            IF p_command IS NOT NULL THEN
                INSERT INTO commands (command_id, stream_id, first_position, last_position, stream_version,
                    recorded_at)
                VALUES (p_command, p_stream, first_position, last_position, stream_version, p_recorded_at);
            END IF;
            PERFORM pg_notify('\(channel)', last_position::text);
            status := 'appended';
        END
        $$
        """

    /// The advisory lock every append holds until its transaction ends: one appender at a time, so positions
    /// are allocated and become visible in the same order (PostgreSQL marks a transaction committed before it
    /// releases its locks), and a reader never sees a position appear behind one it has read.
    static let appendLock: Int64 = 0x6364_6F70_0001
    /// The advisory lock migrations run under.
    static let migrationLock: Int64 = 0x6364_6F70_0002
    /// The channel each append notifies, with its last position, as it commits.
    static let channel = "cdop_events"
}
