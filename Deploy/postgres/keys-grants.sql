-- What cdop_app may do with the keys database's tables (CDOP_KEYS_DATABASE_URL), which the first server started
-- as cdop_owner made; run as cdop_owner on the keys database:
--   psql -U cdop_owner -d cdop_keys -f Deploy/postgres/keys-grants.sql
\set ON_ERROR_STOP on
-- A subject's key is made, read, replaced (a key no committed event used) and deleted (an erasure).
GRANT SELECT, INSERT, UPDATE, DELETE ON subject_keys TO cdop_app;
-- An erasure's tombstone, the keyring's id and its search index key are written once and never removed.
GRANT SELECT, INSERT ON erased_subjects, keyring, search_index_key TO cdop_app;
-- The change counter the servers' caches watch.
GRANT SELECT, UPDATE ON keyring_changes TO cdop_app;
