#!/bin/sh
# Creates the hub's application role with a login (docs/architecture.md, "Database roles"). The hub connects as
# verzuimhub_app; Flyway migrates as the owner (POSTGRES_USER), and migration V42 gives verzuimhub_app its rights:
# read and write on the hub's tables, only read and append on the audit log. The postgres image runs this once, on
# an empty data volume.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set app_password="$VERZUIMHUB_APP_PASSWORD" <<'SQL'
create role verzuimhub_app login password :'app_password';
SQL
