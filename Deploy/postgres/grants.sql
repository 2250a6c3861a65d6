-- What cdop_app may do with the tables cdop_owner's migrations made; run as cdop_owner after each upgrade:
--   psql -U cdop_owner -d cdop -f Deploy/postgres/grants.sql
\set ON_ERROR_STOP on
GRANT SELECT, INSERT ON events, commands TO cdop_app;
GRANT SELECT, INSERT, UPDATE ON checkpoints TO cdop_app;
GRANT SELECT ON cdop_migrations TO cdop_app;
GRANT EXECUTE ON FUNCTION cdop_append(text, text, bigint, uuid[], text[], integer[], text[], text[], text, uuid, boolean)
    TO cdop_app;
