#!/bin/sh
# Run once by the postgres image on an empty data directory: the application's role, which is neither a
# superuser nor the schema's owner (Tværs refuses to start if its role could change audit rows).
set -eu
psql -v ON_ERROR_STOP=1 -U postgres -d tvaers -v pw="$TVAERS_APP_PASSWORD" <<'SQL'
CREATE ROLE tvaers_app LOGIN PASSWORD :'pw';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
