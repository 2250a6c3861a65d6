-- cdop's roles on PostgreSQL, with least privilege. Run by a superuser (or the database's owner), with psql:
--   psql -v database=cdop -v owner_password="'…'" -v app_password="'…'" -f Deploy/postgres/roles.sql
-- cdop_owner owns the tables and runs the migrations (`cdop migrate`); cdop_app is what the servers connect as:
-- it may read and append events and record commands, and can never change or remove an event, even were the
-- append-only triggers dropped.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE cdop_owner LOGIN PASSWORD %s', :'owner_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cdop_owner') \gexec
SELECT format('CREATE ROLE cdop_app LOGIN PASSWORD %s', :'app_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cdop_app') \gexec

SELECT format('ALTER DATABASE %I OWNER TO cdop_owner', :'database') \gexec
\connect :database
ALTER SCHEMA public OWNER TO cdop_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO cdop_app;

-- What cdop_owner makes from now on, cdop_app may use as follows.
SET ROLE cdop_owner;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
RESET ROLE;
