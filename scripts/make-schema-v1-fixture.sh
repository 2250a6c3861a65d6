#!/usr/bin/env bash
# Writes Tests/cdopTests/Fixtures/schema-v1.sql: a database as cdop made it before the migration
# projections.v2.practitioner_links, holding two synthetic cases (the notification fixture, twice over).
# Run from the package root after `swift build`. The SQL is committed; this script documents how it was made.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/cdop.sqlite"
export CDOP_DEFINITIONS=$PWD
.build/debug/cdop notify Tests/cdopTests/Fixtures/notification.example.json --db "$db" --as fixture >/dev/null
sed -e 's/"Alex"/"Sam"/; s/"9434765919"/"4010232137"/; s/"2026-07-02"/"2026-06-11"/' \
    Tests/cdopTests/Fixtures/notification.example.json > "$work/second.json"
.build/debug/cdop notify "$work/second.json" --db "$db" --as fixture >/dev/null
python3 - "$db" Tests/cdopTests/Fixtures/schema-v1.sql <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode=DELETE")
# Back to the schema before the latest migration: its table and its record go.
db.execute("DROP TABLE practitioner_links")
db.execute("DELETE FROM schema_migrations WHERE name = 'projections.v2.practitioner_links'")
db.commit()
with open(sys.argv[2], "w") as out:
    out.write("-- A cdop database from before projections.v2.practitioner_links (scripts/make-schema-v1-fixture.sh).\n")
    out.write("-- Synthetic data only.\n")
    for line in db.iterdump():
        if line in ("BEGIN TRANSACTION;", "COMMIT;"):
            continue
        out.write(line + "\n")
PY
echo "wrote Tests/cdopTests/Fixtures/schema-v1.sql"
