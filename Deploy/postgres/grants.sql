-- What cdop_app may do with the tables cdop_owner's migrations made; run as cdop_owner after each upgrade:
--   psql -U cdop_owner -d cdop -f Deploy/postgres/grants.sql
\set ON_ERROR_STOP on
-- The read models, timers, outbox, users, sessions and secrets: kept by the application in each append's
-- transaction, so it reads and writes them.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cdop_app;
-- The log itself: appended to and read, never changed or removed.
REVOKE UPDATE, DELETE, TRUNCATE ON events, commands FROM cdop_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON cdop_migrations FROM cdop_app;
GRANT EXECUTE ON FUNCTION cdop_append(text, text, bigint, uuid[], text[], integer[], text[], text[], text, uuid, boolean)
    TO cdop_app;
