# Sourced by the bench scripts: psql as superuser (admin) and as the bench role (db) on 127.0.0.1,
# and fresh_db, which creates the role if missing and drops and recreates PG_DB.
# Needs PG_ADMIN, PG_HOST, PG_PORT, PG_DB, PG_USER and PG_PASSWORD set.

# PG_ADMIN is a command with arguments: word-split on purpose.
# shellcheck disable=SC2086
admin() { $PG_ADMIN -X -q -v ON_ERROR_STOP=1 "$@"; }
db() { PGPASSWORD=$PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"; }
checkpoint() { admin -d "$PG_DB" -c 'CHECKPOINT' >/dev/null; }

fresh_db() {
  admin -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE "$PG_USER" LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS "$PG_DB" WITH (FORCE);
CREATE DATABASE "$PG_DB" OWNER "$PG_USER";
SQL
}
